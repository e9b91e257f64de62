using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// Posterior sampling for reinforcement learning (PSRL; Osband, Russo and Van Roy, "(More) efficient
/// reinforcement learning via posterior sampling", NeurIPS 2013, Algorithm 1, Theorem 1: Bayesian regret
/// Õ(HS√(AT))). Before each episode, one MDP is drawn from the posterior and its optimal H-step policy is
/// played: transitions P̃(·|s, a) ~ Dirichlet(prior·1_S + n(s, a, ·)) (the conjugate posterior of a
/// Dirichlet(prior) prior on every successor), rewards r̃(s, a) ~ Beta(1 + Σr, 1 + n(s, a) − Σr) (a
/// uniform Beta prior updated with each reward r ∈ [0, 1] as a fractional Bernoulli success: the exact
/// conjugate posterior when rewards are Bernoulli, and the deterministic form of the Bernoulli trick of
/// Agrawal and Goyal 2012 for rewards in [0, 1]), then backward induction on (P̃, r̃) without a clip.
/// Compiler name <c>psrl</c>.
/// </summary>
/// <remarks>
/// The draws use the stream passed to <see cref="BeginEpisode"/>, pair by pair in index order (the S
/// Gamma variates of the Dirichlet, then the Beta). A draw costs O(S) per pair, O(S²A) per episode.
/// </remarks>
public struct Psrl : IEpisodicAlgorithm
{
    private readonly double _prior;
    private EmpiricalModel? _model;
    private OptimisticPlanning? _plan;
    private double[] _transitions;
    private double[] _rewards;
    private double[] _concentration;

    /// <summary>PSRL with a Dirichlet(<paramref name="prior"/>) prior on each pair's successors (prior &gt; 0).</summary>
    public Psrl(double prior)
    {
        if (!(prior > 0) || double.IsPositiveInfinity(prior)) throw new ArgumentOutOfRangeException(nameof(prior), prior, "the Dirichlet prior must be positive and finite");
        _prior = prior;
        _transitions = _rewards = _concentration = [];
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        int states = setup.StateCount, pairs = states * setup.ActionCount;
        _model = new EmpiricalModel(states, setup.ActionCount);
        _plan = new OptimisticPlanning(setup, 1.0);
        _transitions = new double[(long)pairs * states];
        _rewards = new double[pairs];
        _concentration = new double[states];
    }

    /// <inheritdoc/>
    public void BeginEpisode(long episode, ref RandomStream random)
    {
        EmpiricalModel model = _model!;
        OptimisticPlanning plan = _plan!;
        int states = plan.StateCount, pairs = states * plan.ActionCount;
        ReadOnlySpan<bool> available = plan.Available;
        for (int pair = 0; pair < pairs; pair++)
        {
            if (!available[pair]) continue;
            for (int next = 0; next < states; next++) _concentration[next] = _prior + model.NextCount(pair, next);
            Sampling.Dirichlet(ref random, _concentration, _transitions.AsSpan(pair * states, states));
            double successes = model.RewardSum(pair), n = model.Visits(pair);
            _rewards[pair] = Sampling.Beta(ref random, 1 + successes, 1 + Math.Max(0, n - successes));
        }
        var backup = new SampledBackup(_transitions, _rewards, states);
        plan.Plan(ref backup, double.PositiveInfinity, monotone: false);
    }

    /// <inheritdoc/>
    public readonly void Policy(int step, int state, Span<double> probabilities) => ActionValues.OneHot(probabilities[.._plan!.ActionCount], _plan.Action(step, state));

    /// <inheritdoc/>
    public readonly int Act(int step, int state, ref RandomStream random) => _plan!.Action(step, state);

    /// <inheritdoc/>
    public readonly void Observe(int step, int state, int action, double reward, int next) => _model!.Add(state, action, reward, next);

    /// <inheritdoc/>
    public readonly void EndEpisode() { }

    /// <summary>P̃(next | state, action) of this episode's sampled model.</summary>
    public readonly double SampledTransition(int state, int action, int next) => _transitions[(state * _plan!.ActionCount + action) * _plan.StateCount + next];

    /// <summary>r̃(state, action) of this episode's sampled model.</summary>
    public readonly double SampledReward(int state, int action) => _rewards[state * _plan!.ActionCount + action];

    /// <summary>Q_h(s, a) of this episode's sampled model.</summary>
    public readonly double QValue(int step, int state, int action) => _plan!.Q(step, state, action);

    private readonly struct SampledBackup(double[] transitions, double[] rewards, int states) : IModelBackup
    {
        public double Value(int step, int state, int pair, ReadOnlySpan<double> next)
        {
            ReadOnlySpan<double> p = transitions.AsSpan(pair * states, states);
            double sum = 0;
            for (int y = 0; y < p.Length; y++) sum += p[y] * next[y];
            return rewards[pair] + sum;
        }
    }
}
