using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Infrastructure;

/// <summary>
/// An independent, deliberately simple reference: enumerates a model into dense matrices and solves
/// the Bellman equations of a fixed policy with MathNet's dense LU, and finite horizons by plain
/// recursion. It shares no code with the runtime's solvers.
/// </summary>
public static class DenseReference
{
    /// <summary>The model as dense data: P[a][s, s'], expected reward r[s, a], availability.</summary>
    public sealed record Dense(int States, int Actions, Matrix<double>[] P, double[,] R, bool[,] Enabled, bool[] Terminal);

    private struct Collect : ITransitionVisitor
    {
        public List<(int Next, double P, double R)> Items;

        public static bool Validating => false;

        public void Outcome(int next, double probability, double reward) => Items.Add((next, probability, reward));

        public void BeginRule(int rule) { }

        public void OutOfRange(int variable, long value, double probability) => throw new InvalidOperationException("successor out of range");

        public void NoMatchingRule() => throw new InvalidOperationException("no matching rule");
    }

    public static Dense Build<T>(T model, int step = 0) where T : struct, IMdp
    {
        int n = model.StateCount, m = model.ActionCount;
        var p = new Matrix<double>[m];
        for (int a = 0; a < m; a++) p[a] = Matrix<double>.Build.Dense(n, n);
        var r = new double[n, m];
        var enabled = new bool[n, m];
        var terminal = new bool[n];
        for (int s = 0; s < n; s++)
        {
            terminal[s] = model.IsTerminal(s);
            if (terminal[s]) continue;
            for (int a = 0; a < m; a++)
            {
                var v = new Collect { Items = new List<(int, double, double)>() };
                if (!model.Transitions(s, a, step, ref v)) continue;
                enabled[s, a] = true;
                foreach (var (next, prob, reward) in v.Items)
                {
                    p[a][s, next] += prob;
                    r[s, a] += prob * reward;
                }
            }
        }
        return new Dense(n, m, p, r, enabled, terminal);
    }

    /// <summary>V^π by solving (I - γ P_π) V = r_π on the non-terminal states (terminal states have value 0).</summary>
    public static double[] Evaluate(Dense d, int[] policy, double gamma)
    {
        var a = Matrix<double>.Build.Dense(d.States, d.States);
        var b = Vector<double>.Build.Dense(d.States);
        for (int s = 0; s < d.States; s++)
        {
            a[s, s] = 1;
            if (d.Terminal[s]) continue;
            int act = policy[s];
            b[s] = d.R[s, act];
            for (int t = 0; t < d.States; t++)
                if (!d.Terminal[t]) a[s, t] -= gamma * d.P[act][s, t];
        }
        return a.Solve(b).ToArray();
    }

    /// <summary>Q(s, a) = r(s, a) + γ Σ P(s'|s, a) V(s').</summary>
    public static double Q(Dense d, double[] v, int s, int a, double gamma)
    {
        double q = d.R[s, a];
        for (int t = 0; t < d.States; t++) q += gamma * d.P[a][s, t] * (d.Terminal[t] ? 0 : v[t]);
        return q;
    }

    /// <summary>Largest gain any action has over the policy's own value: 0 (up to rounding) iff the policy is greedy.</summary>
    public static double GreedyGap(Dense d, double[] v, double gamma)
    {
        double worst = 0;
        for (int s = 0; s < d.States; s++)
        {
            if (d.Terminal[s]) continue;
            for (int a = 0; a < d.Actions; a++)
                if (d.Enabled[s, a]) worst = Math.Max(worst, Q(d, v, s, a, gamma) - v[s]);
        }
        return worst;
    }

    /// <summary>Optimal finite-horizon values V_0 by plain backward recursion (stationary models).</summary>
    public static double[] FiniteHorizon(Dense d, int horizon)
    {
        var next = new double[d.States];
        for (int t = horizon - 1; t >= 0; t--)
        {
            var v = new double[d.States];
            for (int s = 0; s < d.States; s++)
            {
                double best = double.NegativeInfinity;
                for (int a = 0; a < d.Actions; a++)
                    if (d.Enabled[s, a]) best = Math.Max(best, Q(d, next, s, a, 1.0));
                v[s] = d.Terminal[s] ? 0 : best;
            }
            next = v;
        }
        return next;
    }
}

public static class DenseReferenceTimeDependent
{
    /// <summary>Optimal finite-horizon values V_0 by plain backward recursion, rebuilding the model at every step t.</summary>
    public static double[] FiniteHorizon<T>(T model, int horizon) where T : struct, IMdp
    {
        var next = new double[model.StateCount];
        for (int t = horizon - 1; t >= 0; t--)
        {
            var d = DenseReference.Build(model, t);
            var v = new double[d.States];
            for (int s = 0; s < d.States; s++)
            {
                double best = double.NegativeInfinity;
                for (int a = 0; a < d.Actions; a++)
                    if (d.Enabled[s, a]) best = Math.Max(best, DenseReference.Q(d, next, s, a, 1.0));
                v[s] = d.Terminal[s] ? 0 : best;
            }
            next = v;
        }
        return next;
    }
}
