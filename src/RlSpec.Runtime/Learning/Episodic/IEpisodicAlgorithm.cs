using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// An online RL algorithm for tabular episodic MDPs, played episode by episode by the experiment engine.
/// Every implementation is a public struct (so the engine's loop is specialized for it) that allocates
/// only in <see cref="Reset"/>.
/// </summary>
public interface IEpisodicAlgorithm
{
    /// <summary>Prepares a run; the only place that allocates.</summary>
    void Reset(EpisodicSetup setup);

    /// <summary>Starts episode <paramref name="episode"/> (1-based): plans here, without allocating.</summary>
    void BeginEpisode(long episode, ref RandomStream random);

    /// <summary>
    /// The policy this episode follows at step <paramref name="step"/> (0..H−1) in <paramref name="state"/>:
    /// fills <paramref name="probabilities"/>[0..A−1] (one-hot for a deterministic policy, 0 on unavailable
    /// actions). The engine evaluates it exactly on the true model, so it is what <see cref="Act"/> plays.
    /// </summary>
    void Policy(int step, int state, Span<double> probabilities);

    /// <summary>The action played at step <paramref name="step"/> in <paramref name="state"/>.</summary>
    int Act(int step, int state, ref RandomStream random);

    /// <summary>The outcome of playing <paramref name="action"/>: a reward in [0, 1] and the next state.</summary>
    void Observe(int step, int state, int action, double reward, int next);

    /// <summary>Ends the current episode.</summary>
    void EndEpisode();
}
