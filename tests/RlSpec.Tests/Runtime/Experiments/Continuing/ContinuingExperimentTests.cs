using System;
using System.Linq;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments.Continuing;

/// <summary>
/// An average-reward model small enough to solve by hand. In s0: <c>stay</c> stays and pays 0; in s1 <c>stay</c>
/// stays and pays 4. <c>go</c> moves to the other state or stays, each with probability 1/2, and pays 4 when it
/// lands in s1, else 0 (a reward that depends on the successor, so the realized and the pseudo-regret differ).
/// Starts in s0. Rewards span [0, 4], so the engine scales them by 1/4: r'(s0, stay) = 0, r'(s1, stay) = 1,
/// r'(s, go) = 1/2 in both states. The optimal gain is ρ* = 1 (reach s1 and stay).
/// </summary>
public readonly struct AverageTwoStates : IGenerativeMdp
{
    public int StateCount => 2;
    public int ActionCount => 2;
    public Criterion Criterion => Criterion.AverageReward();
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => false;
    public string Name => "AverageTwoStates";
    public string StateLabel(int state) => $"(s={state})";
    public string ActionName(int action) => action == 0 ? "stay" : "go";
    public SourceLocation RuleLocation(int rule) => new("two.rlspec", 1, 1);

    public bool Transitions<TVisitor>(int s, int action, int step, ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (action == 0) v.Outcome(s, 1, s == 1 ? 4 : 0);
        else { v.Outcome(1 - s, 0.5, s == 0 ? 4 : 0); v.Outcome(s, 0.5, s == 1 ? 4 : 0); }
        return true;
    }

    public int Sample(int s, int action, int step, ref RandomStream random, out double reward)
    {
        int next = action == 0 ? s : random.NextDouble() < 0.5 ? 1 - s : s;
        reward = next == 1 ? 4 : 0;
        return next;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct => v.Outcome(0, 1, 0);
}

/// <summary>A test double, not an algorithm: a fixed deterministic policy (action per state); it never learns.</summary>
public struct FixedStationaryPolicy(int action0, int action1) : IContinuingAlgorithm
{
    public void Reset(EpisodicSetup setup) => setup.Validate();
    public readonly int Act(long t, int state, ref RandomStream random) => state == 0 ? action0 : action1;
    public readonly void Observe(long t, int state, int action, double reward, int next)
    {
        if (reward != 0 && reward != 1) throw new InvalidOperationException($"reward {reward} is not rescaled");
    }
}

/// <summary>
/// The continuing engine's bookkeeping on <see cref="AverageTwoStates"/> against a hand computation, its
/// reproducibility for any thread count, and a step that allocates nothing.
/// </summary>
public class ContinuingExperimentTests
{
    private static ExperimentSpec Spec(int runs = 9, long steps = 300, ulong seed = 7, Checkpoints? checkpoints = null, ExperimentSweep? sweep = null) => new()
    {
        Sweep = sweep,
        Name = "Continuing",
        Model = "AverageTwoStates",
        Horizon = steps,
        Runs = runs,
        Seed = seed,
        Checkpoints = checkpoints ?? Checkpoints.Logarithmic(8),
        Record = [Statistic.Regret, Statistic.RealizedRegret, Statistic.Reward],
    };

    private static ContinuingAlgorithmEntry[] Fixed() =>
    [
        new ContinuingAlgorithmEntry<FixedStationaryPolicy>("fixed", "always go", null, () => new FixedStationaryPolicy(1, 1)),
        new ContinuingAlgorithmEntry<FixedStationaryPolicy>("fixed", "go then stay", null, () => new FixedStationaryPolicy(1, 0)),
    ];

    [Fact]
    public void Regret_is_the_hand_computed_gap_per_step_and_realized_regret_adds_up_with_the_reward()
    {
        var result = ContinuingExperiment.Run(Spec(), Fixed(), new AverageTwoStates(), new RunOptions { Threads = 1 });
        Assert.Equal(1.0, result.Facts.Single(f => f.Name == "optimal_gain").Value, 10);
        Assert.Equal(0, result.Facts.Single(f => f.Name == "reward_min").Value);
        Assert.Equal(4, result.Facts.Single(f => f.Name == "reward_max").Value);
        var layout = result.Layouts[0];
        var regret = layout.Find(Statistic.Regret)!;
        var realized = layout.Find(Statistic.RealizedRegret)!;
        var reward = layout.Find(Statistic.Reward)!;
        bool realizedDiffers = false;
        for (int p = 0; p < result.Runs.Count; p++)
            for (int c = 0; c < result.CheckpointSteps.Length; c++)
            {
                long t = result.CheckpointSteps[c];
                // Always go: r'(s, go) = 1/2 in both states, so the pseudo-regret is t·(1 − 1/2), whatever the path.
                Assert.Equal(t * 0.5, result.Value(0, p, 0, regret, c), 9);
                for (int a = 0; a < 2; a++) Assert.Equal(t * 1.0, result.Value(0, p, a, realized, c) + result.Value(0, p, a, reward, c), 9);
                realizedDiffers |= Math.Abs(result.Value(0, p, 0, realized, c) - t * 0.5) > 0.25;
                // Go then stay, with the move at step G: each step in s0 costs ρ* − r'(s0, go) = 1/2 and each in s1 costs 0,
                // so the pseudo-regret is min(G, t)/2; the rewards are 0 before G and 1 from G on, so the realized regret
                // is G − 1 once G ≤ t (and t before).
                double pseudo = result.Value(0, p, 1, regret, c), real = result.Value(0, p, 1, realized, c);
                double stepsIn0 = pseudo / 0.5;
                Assert.Equal(Math.Round(stepsIn0), stepsIn0, 9);
                if (stepsIn0 < t - 0.5) Assert.True(Math.Abs(stepsIn0 - 1 - real) < 1e-9, $"run {p} t {t}: realized {real} after {stepsIn0} steps in s0; reward {result.Value(0, p, 1, reward, c)}");
                else Assert.True(Math.Abs(real - t) < 1e-9 || Math.Abs(real - (t - 1)) < 1e-9, $"realized regret {real} at t = {t} after {stepsIn0} steps in s0");
            }
        Assert.True(realizedDiffers, "the realized regret of 'always go' never left t/2: the reward noise is not in it");
    }

    [Fact]
    public void The_mean_pseudo_regret_is_the_expected_time_before_the_move()
    {
        // Go then stay: the move succeeds at a Geometric(1/2) step G; E[pseudo-regret at t] = (1/2)·E[min(G, t)] = 1 − 2^−t.
        var result = ContinuingExperiment.Run(Spec(runs: 4000, steps: 64, checkpoints: Checkpoints.Linear(64)), [Fixed()[1]], new AverageTwoStates(), new RunOptions { Threads = 2 });
        var layout = result.Layouts[0];
        var s = result.Aggregate(0, 0, layout.Find(Statistic.Regret)!, 0).Summary;
        Assert.InRange(1 - Math.Pow(2, -64), s.Mean - 4 * s.Sd / Math.Sqrt(s.Count), s.Mean + 4 * s.Sd / Math.Sqrt(s.Count));
        var r = result.Aggregate(0, 0, layout.Find(Statistic.RealizedRegret)!, 0).Summary;
        Assert.InRange(1.0, r.Mean - 4 * r.Sd / Math.Sqrt(r.Count), r.Mean + 4 * r.Sd / Math.Sqrt(r.Count)); // E[G − 1] = 1
    }

    [Fact]
    public void Outputs_do_not_depend_on_threads()
    {
        ContinuingAlgorithmEntry[] entries = [.. Fixed(), new ContinuingAlgorithmEntry<Ucrl2>("ucrl2", "", [new("delta", "0.05")], () => new Ucrl2(0.05))];
        var one = ContinuingExperiment.Run(Spec(runs: 7), entries, new AverageTwoStates(), new RunOptions { Threads = 1 });
        var two = ContinuingExperiment.Run(Spec(runs: 7), entries, new AverageTwoStates(), new RunOptions { Threads = 2 });
        Assert.Equal(ExperimentFixtures.Csv(one), ExperimentFixtures.Csv(two));
        Assert.Contains("\"optimal_gain\": ", ExperimentFixtures.Json(one));
        Assert.NotEqual(ExperimentFixtures.Csv(one), ExperimentFixtures.Csv(ContinuingExperiment.Run(Spec(runs: 7, seed: 8), entries, new AverageTwoStates(), new RunOptions { Threads = 2 })));
    }

    [Fact]
    public void An_unavailable_action_and_a_sweep_are_refused()
    {
        var bad = new ContinuingAlgorithmEntry<FixedStationaryPolicy>("bad", "", null, () => new FixedStationaryPolicy(2, 0));
        var ex = Assert.Throws<ExperimentException>(() => ContinuingExperiment.Run(Spec(), [bad], new AverageTwoStates(), new RunOptions { Threads = 1 }));
        Assert.Equal(ExperimentErrorIds.InvalidPolicy, ex.Id);
        var sweep = Spec(sweep: new ExperimentSweep("x", ["1"]));
        Assert.Equal(ExperimentErrorIds.InvalidRequest, Assert.Throws<ExperimentException>(() => ContinuingExperiment.Run(sweep, Fixed(), new AverageTwoStates(), new RunOptions())).Id);
    }

    [Fact]
    public void A_ucrl2_step_allocates_nothing_after_warm_up()
    {
        ContinuingAlgorithmEntry[] entries = [new ContinuingAlgorithmEntry<Ucrl2>("ucrl2", "", null, () => new Ucrl2(0.05))];
        long Bytes(long steps) => Allocations.Least(() => ContinuingExperiment.Run(Spec(runs: 1, steps: steps, checkpoints: Checkpoints.Linear(steps)), entries, new AverageTwoStates(), new RunOptions { Threads = 1 }));
        long few = Bytes(10), many = Bytes(20_010);
        Assert.True(many - few <= 0, $"20,000 more steps allocated {many - few} bytes ({few} for 10 steps, {many} for 20,010)");
    }
}
