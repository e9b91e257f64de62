using System;
using System.IO;
using System.Threading;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Experiments;

/// <summary>Which run an algorithm executes: sweep index, run index, algorithm index.</summary>
internal readonly record struct RunKey(int Sweep, int Run, int Algorithm);

/// <summary>
/// A worker's reusable buffers and the facts about the current instance the loop needs (gaps, optimal
/// arms), so the loop itself allocates nothing. One per worker thread; not shared.
/// </summary>
internal sealed class RunWorkspace
{
    public RunWorkspace(ulong seed, long horizon, long[] checkpoints, int maxArms, TextWriter? trace, CancellationToken cancellation)
    {
        Seed = seed;
        Horizon = horizon;
        Checkpoints = checkpoints;
        ArmStreams = new RandomStream[maxArms];
        Rewards = new double[maxArms];
        Cumulative = new double[maxArms];
        Counts = new long[maxArms];
        Gaps = new double[maxArms];
        Optimal = new bool[maxArms];
        Trace = trace;
        Cancellation = cancellation;
    }

    public ulong Seed { get; }
    public long Horizon { get; }
    public long[] Checkpoints { get; }
    public TextWriter? Trace { get; }
    public CancellationToken Cancellation { get; }

    /// <summary>Per-arm reward streams of the run (stochastic, linear), recreated for every algorithm.</summary>
    public RandomStream[] ArmStreams { get; }
    /// <summary>The adversary's rewards of the current step.</summary>
    public double[] Rewards { get; }
    /// <summary>Adversarial: Σ_s x_s(a) so far, per arm.</summary>
    public double[] Cumulative { get; }
    /// <summary>Pulls per arm so far.</summary>
    public long[] Counts { get; }
    /// <summary>μ* − μ_a per arm (stochastic, linear).</summary>
    public double[] Gaps { get; }
    /// <summary>Whether arm a is optimal (μ_a = μ*).</summary>
    public bool[] Optimal { get; }

    public SeriesLayout Layout { get; private set; } = null!;
    public BanditSetup Setup { get; private set; } = null!;
    public int ArmCount { get; private set; }
    public bool Adversarial { get; private set; }
    public double BestMean { get; private set; }

    /// <summary>The sweep value whose fixed instance is prepared (−1: none, or a per-run instance), so a worker prepares each fixed instance once.</summary>
    public int PreparedSweep { get; set; } = -1;

    /// <summary>Takes in the instance of the next runs: its setup, gaps and optimal arms.</summary>
    public void Prepare<TBandit>(in TBandit bandit, BanditSetup setup, SeriesLayout layout) where TBandit : struct, IBandit
    {
        Setup = setup;
        Layout = layout;
        ArmCount = bandit.ArmCount;
        Adversarial = bandit.Family == BanditFamily.Adversarial;
        if (Adversarial) { BestMean = double.NaN; return; }
        double best = double.NegativeInfinity;
        for (int a = 0; a < ArmCount; a++) best = Math.Max(best, bandit.Mean(a));
        BestMean = best;
        for (int a = 0; a < ArmCount; a++)
        {
            double mean = bandit.Mean(a);
            Gaps[a] = best - mean;
            Optimal[a] = mean == best;
        }
    }
}
