using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Experiments;

/// <summary>What a random stream of a run is for; part of its key (<see cref="StreamKeys"/>).</summary>
public enum StreamPurpose
{
    /// <summary>The rewards of one arm (stochastic and linear bandits): consumed only by pulls of that arm.</summary>
    Arm = 0,
    /// <summary>The adversary of an adversarial bandit: <c>Rewards(t, ...)</c> for t = 1..T in order.</summary>
    Adversary = 1,
    /// <summary>An algorithm's own randomisation (the same stream for every algorithm of the run).</summary>
    Algorithm = 2,
    /// <summary>The seed of a per-run random problem instance.</summary>
    Instance = 3,
    /// <summary>The seed of the experiment's fixed random problem instance (run field 0).</summary>
    FixedInstance = 4,
    /// <summary>
    /// The transitions and rewards of one state-action pair of an MDP (episodic experiments; the arm field is
    /// s·A + a): consumed only by visits to that pair, so the n-th visit of (s, a) draws the same successor and
    /// reward whichever algorithm makes it.
    /// </summary>
    Transition = 5,
    /// <summary>The initial states of an MDP's episodes, one draw per episode (episodic experiments).</summary>
    Initial = 6,
}

/// <summary>
/// Derives every random stream of an experiment from (master seed S, run r, purpose p, arm a) alone, so a
/// run's numbers do not depend on threads, shards or the order of completion.
/// </summary>
/// <remarks>
/// <para>
/// Stream index <c>i = r·2^32 + p·2^28 + a</c> (r &lt; 2^31, p &lt; 16, a &lt; 2^28), and the stream is
/// <c>RandomStream.Create(S, i)</c> (SplitMix64-seeded xoshiro256**, docs/randomness.md).
/// </para>
/// <para>
/// Common random numbers: arm a of run r has its own stream (p = 0), so the n-th pull of arm a gives the same
/// reward whichever algorithm pulls it; an adversarial bandit's run has one adversary stream (p = 1), so its
/// reward table is the same for every algorithm. The algorithm stream (p = 2, a = 0) is keyed by the run only,
/// not by the algorithm: every algorithm of run r starts from the same randomisation, which keeps the paired
/// differences between randomised algorithms tighter and makes a run's numbers independent of the position of
/// an algorithm in the <c>compare</c> list. Every algorithm starts each of these streams afresh.
/// </para>
/// <para>
/// Instance seeds: fixed instance = first output of stream (S, 0, 4, 0); per-run instance of run r = first
/// output of stream (S, r, 3, 0). The same instance seed is used for every sweep value.
/// </para>
/// </remarks>
public static class StreamKeys
{
    /// <summary>The largest arm count the key layout holds (2^28).</summary>
    public const int MaxArms = 1 << 28;

    /// <summary>The stream index of (run, purpose, arm): r·2^32 + p·2^28 + a.</summary>
    public static ulong Index(int run, StreamPurpose purpose, int arm = 0) =>
        ((ulong)(uint)run << 32) | ((ulong)(uint)purpose << 28) | (uint)arm;

    /// <summary>The stream of (run, purpose, arm) under master seed <paramref name="seed"/>.</summary>
    public static RandomStream Stream(ulong seed, int run, StreamPurpose purpose, int arm = 0) =>
        RandomStream.Create(seed, Index(run, purpose, arm));

    /// <summary>The instance seed of a fixed instance: a function of the master seed alone.</summary>
    public static ulong InstanceSeed(ulong seed) => Stream(seed, 0, StreamPurpose.FixedInstance).NextUInt64();

    /// <summary>The instance seed of run <paramref name="run"/>'s own instance (<c>instance per_run</c>).</summary>
    public static ulong InstanceSeed(ulong seed, int run) => Stream(seed, run, StreamPurpose.Instance).NextUInt64();

    /// <summary>The instance seed for a run under an instance mode.</summary>
    public static ulong InstanceSeed(ulong seed, int run, InstanceMode mode) =>
        mode == InstanceMode.Fixed ? InstanceSeed(seed) : InstanceSeed(seed, run);
}
