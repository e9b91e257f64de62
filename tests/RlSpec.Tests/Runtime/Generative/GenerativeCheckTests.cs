using System;
using System.Linq;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime.Generative;

/// <summary>
/// The generative-step check (<see cref="GenerativeCheck"/>) on hand-written models: it accepts
/// samplers that agree with their exact side, and rejects one whose single probability is off by
/// 0.01, one whose reward is biased, and one that samples an impossible successor.
/// </summary>
public class GenerativeCheckTests
{
    private const int Samples = 100_000;
    private const double FamilyLevel = 1e-3;

    private static GenerativeCheck.Report CheckAll<TModel>(TModel model, ulong seed) where TModel : struct, IGenerativeMdp
    {
        var pairs = GenerativeCheck.ChoosePairs(model, 200, seed);
        return GenerativeCheck.Run(model, pairs, Samples, seed, ChiSquare.Bonferroni(FamilyLevel, pairs.Count));
    }

    [Fact]
    public void Car_rental_sampling_its_random_variables_passes()
    {
        var report = CheckAll(new SmallCarRental(5), 1);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(36 * 5, report.Pairs.Count);
        Assert.Contains(report.Pairs, p => !p.Available); // moves of more cars than there are
    }

    [Fact]
    public void Time_dependent_chain_with_guards_and_normal_rewards_passes()
    {
        var report = CheckAll(new SlipperyChain(8), 2);
        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Pairs, p => !p.Available);
        Assert.Contains(report.Pairs, p => p.Pair.Step % 2 == 1);
    }

    [Fact]
    public void Tabular_samplers_of_exact_models_pass()
    {
        var river = CheckAll(new TabularSampler<RiverSwim>(new RiverSwim(6, Criterion.Discounted(0.9))), 3);
        Assert.True(river.Passed, river.ToString());
        var grid = CheckAll(new TabularSampler<GridWorld>(new GridWorld(4, 3)), 4);
        Assert.True(grid.Passed, grid.ToString());
    }

    [Fact]
    public void Negative_control_one_probability_off_by_001_fails()
    {
        // RiverSwim's right in the middle: 0.35 / 0.6 / 0.05 becomes 0.36 / 0.59 / 0.05.
        var model = new TabularSampler<RiverSwim>(new RiverSwim(6, Criterion.Discounted(0.9)), perturbedState: 3, perturbedAction: 1, shift: 0.01);
        var report = CheckAll(model, 3);
        Assert.False(report.Passed, "the check accepted a sampler with one probability off by 0.01");
        var failure = Assert.Single(report.Failures);
        Assert.Equal((3, 1), (failure.Pair.State, failure.Pair.Action));
    }

    [Fact]
    public void Negative_control_on_the_car_rental_fails()
    {
        // One row of 1,296 outcomes with 0.01 moved between two successors, tested with four correct rows.
        var model = new TabularSampler<SmallCarRental>(new SmallCarRental(5), perturbedState: 20, perturbedAction: 2, shift: 0.01);
        var pairs = new[] { new GenerativeCheck.Pair(20, 2, 0), new(0, 2, 0), new(7, 1, 0), new(35, 4, 0), new(14, 3, 0) };
        var report = GenerativeCheck.Run(model, pairs, Samples, 5, ChiSquare.Bonferroni(FamilyLevel, 200));
        var failure = Assert.Single(report.Failures);
        Assert.Equal(20, failure.Pair.State);
    }

    [Fact]
    public void A_biased_reward_fails()
    {
        var report = CheckAll(new BiasedReward(new SlipperyChain(4), 0.05), 6);
        Assert.False(report.Passed);
        Assert.Contains("reward", report.Failures.First().Failure);
    }

    [Fact]
    public void An_impossible_successor_fails()
    {
        var report = CheckAll(new Teleporting(new SlipperyChain(4)), 7);
        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Fit.PValue == 0);
    }

    [Fact]
    public void Car_rental_sampling_allocates_nothing()
    {
        var model = new SmallCarRental(5);
        var random = RandomStream.Create(8, 0);
        long sink = 0;
        for (int i = 0; i < 1000; i++) sink += model.Sample(i % 36, 2, 0, ref random, out _);
        Assert.Equal(0, RlSpec.Tests.Infrastructure.Allocations.Least(() =>
        {
            for (int i = 0; i < 100_000; i++) sink += model.Sample(i % 36, 2, 0, ref random, out _);
        }));
        Assert.True(sink > 0);
    }

    /// <summary>Adds a constant to every sampled reward (the exact side is unchanged).</summary>
    private readonly struct BiasedReward(SlipperyChain model, double bias) : IGenerativeMdp
    {
        public int StateCount => model.StateCount;
        public int ActionCount => model.ActionCount;
        public Criterion Criterion => model.Criterion;
        public bool IsTimeDependent => model.IsTimeDependent;
        public bool IsTerminal(int state) => false;
        public string Name => "biased";
        public string StateLabel(int state) => model.StateLabel(state);
        public string ActionName(int action) => model.ActionName(action);
        public SourceLocation RuleLocation(int rule) => model.RuleLocation(rule);
        public bool Transitions<TVisitor>(int s, int a, int t, ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct => model.Transitions(s, a, t, ref v);
        public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct => model.Initial(ref v);
        public int Sample(int s, int a, int t, ref RandomStream r, out double reward)
        {
            int next = model.Sample(s, a, t, ref r, out reward);
            reward += bias;
            return next;
        }
    }

    /// <summary>Once in 1,000 draws of <c>back</c>, jumps to the last state, which back never reaches.</summary>
    private readonly struct Teleporting(SlipperyChain model) : IGenerativeMdp
    {
        public int StateCount => model.StateCount;
        public int ActionCount => model.ActionCount;
        public Criterion Criterion => model.Criterion;
        public bool IsTimeDependent => model.IsTimeDependent;
        public bool IsTerminal(int state) => false;
        public string Name => "teleporting";
        public string StateLabel(int state) => model.StateLabel(state);
        public string ActionName(int action) => model.ActionName(action);
        public SourceLocation RuleLocation(int rule) => model.RuleLocation(rule);
        public bool Transitions<TVisitor>(int s, int a, int t, ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct => model.Transitions(s, a, t, ref v);
        public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct => model.Initial(ref v);
        public int Sample(int s, int a, int t, ref RandomStream r, out double reward)
        {
            int next = model.Sample(s, a, t, ref r, out reward);
            return a == 1 && r.NextInt(1000) == 0 ? model.StateCount - 1 : next;
        }
    }
}
