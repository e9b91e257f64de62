using System.IO;
using System.Threading;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Experiments.Episodic;

/// <summary>
/// A worker's reusable buffers for episodic runs (the per-pair streams, the value buffers of the exact policy
/// evaluation, the policy buffer), so that an episode allocates nothing. One per worker thread; not shared.
/// </summary>
internal sealed class EpisodicWorkspace
{
    public EpisodicWorkspace(ulong seed, long episodes, long[] checkpoints, EpisodicGroundTruth truth, EpisodicSetup setup,
        SeriesLayout layout, TextWriter? trace, CancellationToken cancellation)
    {
        Seed = seed;
        Episodes = episodes;
        Checkpoints = checkpoints;
        Truth = truth;
        Setup = setup;
        Layout = layout;
        Trace = trace;
        Cancellation = cancellation;
        PairStreams = new RandomStream[truth.States * truth.Actions];
        Values = new double[truth.States];
        NextValues = new double[truth.States];
        PolicyBuffer = new double[truth.Actions];
    }

    public ulong Seed { get; }
    public long Episodes { get; }
    public long[] Checkpoints { get; }
    public EpisodicGroundTruth Truth { get; }
    public EpisodicSetup Setup { get; }
    public SeriesLayout Layout { get; }
    public TextWriter? Trace { get; }
    public CancellationToken Cancellation { get; }

    /// <summary>The stream of each state-action pair s·A + a of the current run (<see cref="StreamPurpose.Transition"/>).</summary>
    public RandomStream[] PairStreams { get; }

    /// <summary>Value buffers of the exact policy evaluation.</summary>
    public double[] Values { get; }
    public double[] NextValues { get; }

    /// <summary>The probabilities an algorithm reports for one (step, state).</summary>
    public double[] PolicyBuffer { get; }
}
