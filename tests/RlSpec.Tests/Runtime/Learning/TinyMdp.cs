using System;
using System.Collections.Generic;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;
using RlSpec.Runtime.Solvers;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning;

/// <summary>
/// A small hand-made tabular MDP for the learning tests: transition table P[s, a, s'], Bernoulli rewards
/// with mean R[s, a] (so every reward is 0 or 1 and sums of squares are exact), a mask of enabled actions,
/// start state 0. It is simulated here with the test's own stream, and snapshotted as a SparseMdp for the
/// runtime's exact planner.
/// </summary>
internal sealed class TinyMdp
{
    public int S { get; }
    public int A { get; }
    public double[,,] P { get; }
    public double[,] R { get; }
    public bool[] Available { get; }

    public TinyMdp(double[,,] p, double[,] r, bool[] available)
    {
        P = p; R = r; Available = available;
        S = p.GetLength(0); A = p.GetLength(1);
    }

    /// <summary>4 states, 2 actions, action 1 disabled in state 3; probabilities from a fixed seed.</summary>
    public static TinyMdp Random(int seed = 7)
    {
        var rng = new Random(seed);
        const int s = 4, a = 2;
        var p = new double[s, a, s];
        var r = new double[s, a];
        var available = new bool[s * a];
        for (int x = 0; x < s; x++)
            for (int y = 0; y < a; y++)
            {
                available[x * a + y] = !(x == 3 && y == 1);
                double total = 0;
                for (int z = 0; z < s; z++) total += p[x, y, z] = rng.Next(4) == 0 ? 0 : rng.NextDouble();
                if (total == 0) { p[x, y, x] = 1; total = 1; }
                for (int z = 0; z < s; z++) p[x, y, z] /= total;
                r[x, y] = rng.NextDouble();
            }
        return new TinyMdp(p, r, available);
    }

    public EpisodicSetup Setup(int horizon, long episodes, double discount = 1.0) => new()
    {
        StateCount = S, ActionCount = A, Horizon = horizon, Episodes = episodes, Available = Available, Discount = discount,
    };

    /// <summary>One simulated step: a Bernoulli(R) reward and a successor drawn by inversion.</summary>
    public (double Reward, int Next) Step(int s, int a, ref RandomStream env)
    {
        double reward = env.NextDouble() < R[s, a] ? 1 : 0;
        double u = env.NextDouble(), cumulative = 0;
        int last = 0;
        for (int z = 0; z < S; z++)
        {
            if (P[s, a, z] <= 0) continue;
            last = z;
            cumulative += P[s, a, z];
            if (u < cumulative) return (reward, z);
        }
        return (reward, last);
    }

    public SparseMdp ToSparse(Criterion criterion)
    {
        var groups = new List<int> { 0 };
        var actions = new List<int>();
        var starts = new List<int> { 0 };
        var columns = new List<int>();
        var probabilities = new List<double>();
        var rewards = new List<double>();
        for (int s = 0; s < S; s++)
        {
            for (int a = 0; a < A; a++)
            {
                if (!Available[s * A + a]) continue;
                actions.Add(a);
                for (int z = 0; z < S; z++)
                    if (P[s, a, z] > 0) { columns.Add(z); probabilities.Add(P[s, a, z]); }
                starts.Add(columns.Count);
                rewards.Add(R[s, a]);
            }
            groups.Add(actions.Count);
        }
        return new SparseMdp("Tiny", criterion, A, groups.ToArray(), actions.ToArray(), starts.ToArray(), columns.ToArray(), probabilities.ToArray(), rewards.ToArray());
    }

    /// <summary>V*_h(s) for h = 0..H (row H is 0) by the runtime's backward induction.</summary>
    public double[][] OptimalValues(int horizon)
    {
        SparseMdp model = ToSparse(Criterion.FiniteHorizon(horizon));
        var values = new double[horizon + 1][];
        values[horizon] = new double[S];
        var policy = new int[S];
        for (int h = horizon - 1; h >= 0; h--)
        {
            values[h] = new double[S];
            BackwardInduction.Step(model, 0, values[h + 1], values[h], policy);
        }
        return values;
    }

    /// <summary>V^π_0(s0) of a deterministic step-indexed policy, by plain policy evaluation.</summary>
    public double PolicyValue(Func<int, int, int> policy, int horizon, int start = 0)
    {
        var next = new double[S];
        for (int h = horizon - 1; h >= 0; h--)
        {
            var v = new double[S];
            for (int s = 0; s < S; s++)
            {
                int a = policy(h, s);
                double sum = R[s, a];
                for (int z = 0; z < S; z++) sum += P[s, a, z] * next[z];
                v[s] = sum;
            }
            next = v;
        }
        return next[start];
    }
}

/// <summary>A slow reference implementation of one algorithm, fed the same trajectory.</summary>
internal interface IReference
{
    void Begin(long episode);
    int Act(int step, int state);
    void Observe(int step, int state, int action, double reward, int next);
    double Q(int step, int state, int action);
}

/// <summary>Plays an algorithm and its reference on the same simulated trajectory and compares them.</summary>
internal static class Trajectory
{
    public delegate double QReader<TAlgorithm>(in TAlgorithm algorithm, int step, int state, int action);

    /// <summary>
    /// Runs <paramref name="episodes"/> episodes of <paramref name="horizon"/> steps from state 0. Before each
    /// episode and after its last step, every enabled Q value must agree to 1e-12 (relative to max(1, |Q|));
    /// at each step the actions must agree when <paramref name="compareActions"/>, and Policy must be the
    /// one-hot of the action played for deterministic algorithms.
    /// </summary>
    public static void Compare<TAlgorithm>(TinyMdp mdp, ref TAlgorithm algorithm, IReference reference, QReader<TAlgorithm> q,
        int horizon, int episodes, bool compareActions = true, bool deterministic = true, ulong seed = 11)
        where TAlgorithm : struct, IEpisodicAlgorithm
    {
        var env = RandomStream.Create(seed, 0);
        var random = RandomStream.Create(seed, 1);
        var probabilities = new double[mdp.A];
        for (long k = 1; k <= episodes; k++)
        {
            algorithm.BeginEpisode(k, ref random);
            reference.Begin(k);
            CompareQ(mdp, algorithm, reference, q, horizon, k, "start");
            int s = 0;
            for (int h = 0; h < horizon; h++)
            {
                int a = algorithm.Act(h, s, ref random);
                if (compareActions) Assert.True(reference.Act(h, s) == a, $"episode {k} step {h} state {s}: algorithm plays {a}, reference {reference.Act(h, s)}");
                if (deterministic)
                {
                    algorithm.Policy(h, s, probabilities);
                    for (int b = 0; b < mdp.A; b++) Assert.Equal(b == a ? 1.0 : 0.0, probabilities[b]);
                }
                var (r, next) = mdp.Step(s, a, ref env);
                algorithm.Observe(h, s, a, r, next);
                reference.Observe(h, s, a, r, next);
                s = next;
            }
            algorithm.EndEpisode();
            CompareQ(mdp, algorithm, reference, q, horizon, k, "end");
        }
    }

    private static void CompareQ<TAlgorithm>(TinyMdp mdp, in TAlgorithm algorithm, IReference reference, QReader<TAlgorithm> q, int horizon, long k, string when)
        where TAlgorithm : struct, IEpisodicAlgorithm
    {
        for (int h = 0; h < horizon; h++)
            for (int s = 0; s < mdp.S; s++)
                for (int a = 0; a < mdp.A; a++)
                {
                    if (!mdp.Available[s * mdp.A + a]) continue;
                    double expected = reference.Q(h, s, a), actual = q(algorithm, h, s, a);
                    double tolerance = 1e-12 * Math.Max(1, Math.Abs(expected));
                    Assert.True(Math.Abs(expected - actual) <= tolerance, $"episode {k} ({when}) Q[{h},{s},{a}]: reference {expected:R}, algorithm {actual:R}");
                }
    }
}
