using System;
using System.Collections.Generic;
using RlSpec.Runtime.Learning.PolicyOptimization;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Runtime.Learning.PolicyOptimization;

/// <summary>
/// A small model kept twice: as dense arrays P[s,a,s'], R[s,a] (null row = action disabled) for the slow reference
/// computations inside the tests, and as the <see cref="SparseMdp"/> the runtime works on.
/// </summary>
internal sealed class TabularModel
{
    public TabularModel(double[][][]? transitions, double[][] rewards, double gamma, double[] start)
    {
        P = transitions!;
        R = rewards;
        Gamma = gamma;
        Start = start;
        S = rewards.Length;
        A = rewards[0].Length;
        var groups = new List<int> { 0 };
        var actions = new List<int>();
        var rowStart = new List<int> { 0 };
        var columns = new List<int>();
        var probabilities = new List<double>();
        var rowRewards = new List<double>();
        for (int s = 0; s < S; s++)
        {
            for (int a = 0; a < A; a++)
            {
                if (P[s][a] is not { } p) continue;
                actions.Add(a);
                for (int t = 0; t < S; t++)
                    if (p[t] > 0) { columns.Add(t); probabilities.Add(p[t]); }
                rowStart.Add(columns.Count);
                rowRewards.Add(R[s][a]);
            }
            groups.Add(actions.Count);
        }
        Model = new SparseMdp("test", Criterion.Discounted(gamma), A, groups.ToArray(), actions.ToArray(), rowStart.ToArray(),
            columns.ToArray(), probabilities.ToArray(), rowRewards.ToArray());
    }

    public double[][][] P { get; }
    public double[][] R { get; }
    public double Gamma { get; }
    public double[] Start { get; }
    public int S { get; }
    public int A { get; }
    public SparseMdp Model { get; }

    public bool Enabled(int s, int a) => P[s][a] is not null;

    public PolicyOptimizationSetup Setup(double[]? initial = null, int denseLimit = 300, long iterations = 0) =>
        new() { Model = Model, Discount = Gamma, Start = Start, InitialPolicy = initial, DenseSolveLimit = denseLimit, Iterations = iterations };

    /// <summary>A random model: every action enabled except (optionally) action A−1 in state 1; Dirichlet-ish rows.</summary>
    public static TabularModel Random(int states, int actions, double gamma, int seed, bool disableOne = false)
    {
        var random = new Random(seed);
        var p = new double[states][][];
        var r = new double[states][];
        for (int s = 0; s < states; s++)
        {
            p[s] = new double[actions][];
            r[s] = new double[actions];
            for (int a = 0; a < actions; a++)
            {
                if (disableOne && s == 1 && a == actions - 1) continue;
                var row = new double[states];
                double sum = 0;
                for (int t = 0; t < states; t++) sum += row[t] = -Math.Log(1 - random.NextDouble());
                for (int t = 0; t < states; t++) row[t] /= sum;
                p[s][a] = row;
                r[s][a] = random.NextDouble();
            }
        }
        var start = new double[states];
        for (int s = 0; s < states; s++) start[s] = 1.0 / states;
        return new TabularModel(p, r, gamma, start);
    }

    /// <summary>
    /// A chain 0 → 1 → … → n: in state s &lt; n action 0 ("forward") moves to s + 1, action 1 ("back") to 0; in n both stay
    /// and pay 1. Everything else pays 0, and the run starts in 0, so π* is "forward" everywhere.
    /// </summary>
    public static TabularModel Chain(int n, double gamma)
    {
        int states = n + 1;
        var p = new double[states][][];
        var r = new double[states][];
        for (int s = 0; s < states; s++)
        {
            p[s] = [new double[states], new double[states]];
            r[s] = new double[2];
            if (s < n) { p[s][0][s + 1] = 1; p[s][1][0] = 1; }
            else { p[s][0][s] = 1; p[s][1][s] = 1; r[s][0] = r[s][1] = 1; }
        }
        var start = new double[states];
        start[0] = 1;
        return new TabularModel(p, r, gamma, start);
    }

    /// <summary>The chain's π₀: forward with probability <paramref name="forward"/> in every state.</summary>
    public double[] ChainPolicy(double forward)
    {
        var pi = new double[S * A];
        for (int s = 0; s < S; s++) { pi[s * A] = forward; pi[s * A + 1] = 1 - forward; }
        return pi;
    }

    // ---- slow, independent reference computations ----

    /// <summary>V^π_τ by 4000 sweeps of T_π (γ^4000 underflows every starting error for γ ≤ 0.99).</summary>
    public double[] Values(double[] pi, double tau = 0)
    {
        var v = new double[S];
        for (int sweep = 0; sweep < 4000; sweep++)
        {
            var next = new double[S];
            for (int s = 0; s < S; s++)
                for (int a = 0; a < A; a++)
                {
                    if (!Enabled(s, a) || pi[s * A + a] == 0) continue;
                    double q = R[s][a] - tau * Math.Log(pi[s * A + a]);
                    for (int t = 0; t < S; t++) q += Gamma * P[s][a][t] * v[t];
                    next[s] += pi[s * A + a] * q;
                }
            v = next;
        }
        return v;
    }

    /// <summary>Q(s,a) = r + γ P V.</summary>
    public double[] Q(double[] v)
    {
        var q = new double[S * A];
        for (int s = 0; s < S; s++)
            for (int a = 0; a < A; a++)
            {
                if (!Enabled(s, a)) continue;
                double sum = R[s][a];
                for (int t = 0; t < S; t++) sum += Gamma * P[s][a][t] * v[t];
                q[s * A + a] = sum;
            }
        return q;
    }

    /// <summary>d^π_ρ = (1 − γ) Σ_t γ^t ρ P_π^t, summed term by term.</summary>
    public double[] Visitation(double[] pi)
    {
        var d = new double[S];
        var mass = (double[])Start.Clone();
        double weight = 1 - Gamma;
        for (int t = 0; t < 4000; t++)
        {
            var next = new double[S];
            for (int s = 0; s < S; s++)
            {
                d[s] += weight * mass[s];
                for (int a = 0; a < A; a++)
                    if (Enabled(s, a))
                        for (int u = 0; u < S; u++) next[u] += mass[s] * pi[s * A + a] * P[s][a][u];
            }
            mass = next;
            weight *= Gamma;
        }
        return d;
    }

    /// <summary>V* by 4000 sweeps of value iteration.</summary>
    public double[] OptimalValues()
    {
        var v = new double[S];
        for (int sweep = 0; sweep < 4000; sweep++)
        {
            var q = Q(v);
            var next = new double[S];
            for (int s = 0; s < S; s++)
            {
                next[s] = double.NegativeInfinity;
                for (int a = 0; a < A; a++) if (Enabled(s, a)) next[s] = Math.Max(next[s], q[s * A + a]);
            }
            v = next;
        }
        return v;
    }

    public double Expected(double[] v)
    {
        double sum = 0;
        for (int s = 0; s < S; s++) sum += Start[s] * v[s];
        return sum;
    }

    public double[] Uniform()
    {
        var pi = new double[S * A];
        for (int s = 0; s < S; s++)
        {
            int m = 0;
            for (int a = 0; a < A; a++) if (Enabled(s, a)) m++;
            for (int a = 0; a < A; a++) if (Enabled(s, a)) pi[s * A + a] = 1.0 / m;
        }
        return pi;
    }
}
