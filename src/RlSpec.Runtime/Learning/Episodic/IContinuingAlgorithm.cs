using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// An online RL algorithm for average-reward (continuing) tabular MDPs, played as one trajectory of
/// T = <see cref="EpisodicSetup.Horizon"/> steps (UCRL2). Steps <c>t</c> are 1-based.
/// </summary>
public interface IContinuingAlgorithm
{
    /// <summary>Prepares a run; the only place that allocates.</summary>
    void Reset(EpisodicSetup setup);

    /// <summary>The action played at step <paramref name="t"/> in <paramref name="state"/>.</summary>
    int Act(long t, int state, ref RandomStream random);

    /// <summary>The outcome of step <paramref name="t"/>: a reward in [0, 1] and the next state.</summary>
    void Observe(long t, int state, int action, double reward, int next);
}
