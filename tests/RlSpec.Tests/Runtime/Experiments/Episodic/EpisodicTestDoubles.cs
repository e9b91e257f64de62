using System;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Runtime.Experiments.Episodic;

/// <summary>
/// A two-state MDP small enough to solve by hand. In s0: <c>stay</c> stays and pays 0; <c>go</c> pays 1 and
/// moves to s1 or stays, each with probability 1/2. In s1: <c>stay</c> stays and pays 2; <c>go</c> pays 0 and
/// returns to s0. Starts in s0. Rewards span [0, 2], so the engine scales them by 1/2.
/// </summary>
public readonly struct TwoStates : IGenerativeMdp
{
    public int StateCount => 2;
    public int ActionCount => 2;
    public Criterion Criterion => Criterion.FiniteHorizon(2);
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => false;
    public string Name => "TwoStates";
    public string StateLabel(int state) => $"(s={state})";
    public string ActionName(int action) => action == 0 ? "stay" : "go";
    public SourceLocation RuleLocation(int rule) => new("two.rlspec", 1, 1);

    public bool Transitions<TVisitor>(int s, int action, int step, ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (s == 0 && action == 0) v.Outcome(0, 1, 0);
        else if (s == 0) { v.Outcome(1, 0.5, 1); v.Outcome(0, 0.5, 1); }
        else if (action == 0) v.Outcome(1, 1, 2);
        else v.Outcome(0, 1, 0);
        return true;
    }

    public int Sample(int s, int action, int step, ref RandomStream random, out double reward)
    {
        if (s == 0 && action == 0) { reward = 0; return 0; }
        if (s == 0) { reward = 1; return random.NextDouble() < 0.5 ? 1 : 0; }
        if (action == 0) { reward = 2; return 1; }
        reward = 0;
        return 0;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct => v.Outcome(0, 1, 0);
}

/// <summary>
/// A test double, not an algorithm: plays <c>go</c> with a fixed probability in every state and step and never
/// learns. It records the rescaled rewards it observes so a test can check them.
/// </summary>
public struct FixedPolicy(double go) : IEpisodicAlgorithm
{
    private int _actions;
    private double[] _observed = [];
    private int _count;

    public readonly double[] Observed => _observed;
    public readonly int ObservedCount => _count;

    public void Reset(EpisodicSetup setup)
    {
        setup.Validate();
        _actions = setup.ActionCount;
        _observed = new double[64];
        _count = 0;
    }

    public void BeginEpisode(long episode, ref RandomStream random) { }

    public readonly void Policy(int step, int state, Span<double> probabilities)
    {
        probabilities[0] = 1 - go;
        probabilities[1] = go;
    }

    public int Act(int step, int state, ref RandomStream random) => random.NextDouble() < go ? 1 : 0;

    public void Observe(int step, int state, int action, double reward, int next)
    {
        if (_count < _observed.Length) _observed[_count++] = reward;
    }

    public void EndEpisode() { }
}

/// <summary>A test double whose reported policy puts mass on an action it then does not play (the engine must refuse nothing here) or is not a distribution.</summary>
public struct BrokenPolicy(double mass) : IEpisodicAlgorithm
{
    public void Reset(EpisodicSetup setup) { }
    public void BeginEpisode(long episode, ref RandomStream random) { }
    public readonly void Policy(int step, int state, Span<double> probabilities) => probabilities[0] = mass;
    public int Act(int step, int state, ref RandomStream random) => 0;
    public void Observe(int step, int state, int action, double reward, int next) { }
    public void EndEpisode() { }
}

internal static class EpisodicFixtures
{
    public static ExperimentSpec Spec(int runs = 9, long episodes = 200, ulong seed = 7, Checkpoints? checkpoints = null) => new()
    {
        Name = "Episodes",
        Model = "TwoStates",
        Horizon = episodes,
        Runs = runs,
        Seed = seed,
        Unit = "episodes",
        Checkpoints = checkpoints ?? Checkpoints.Logarithmic(8),
        Record = [Statistic.Regret, Statistic.RealizedRegret, Statistic.Reward],
    };

    public static EpisodicAlgorithmEntry[] Algorithms() =>
    [
        new EpisodicAlgorithmEntry<FixedPolicy>("fixed", "go 1/4", [new("go", "0.25")], () => new FixedPolicy(0.25)),
        new EpisodicAlgorithmEntry<FixedPolicy>("fixed", "go 3/4", [new("go", "0.75")], () => new FixedPolicy(0.75)),
    ];
}
