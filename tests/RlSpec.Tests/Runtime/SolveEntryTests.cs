using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>What the solver's entry point does around the algorithms: validation, state lookup, discounted finite horizon (issue 6).</summary>
public class SolveEntryTests
{
    [Theory]
    [InlineData(Defect.OutOfRange, "RLS0302")]
    [InlineData(Defect.SumBelowOne, "RLS0300")]
    [InlineData(Defect.NaNReward, "RLS0305")]
    [InlineData(Defect.NoMatchingRule, "RLS0303")]
    public void Solve_validates_first_and_refuses_an_invalid_model(Defect defect, string id)
    {
        var error = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(new Broken(defect)));
        Assert.Equal(SolverErrorIds.InvalidModel, error.Id);
        Assert.Contains(error.ModelErrors, e => e.Id == id);
        Assert.Contains(id, error.Message);
        Assert.Contains("(s=1)", error.Message);
        // Evaluate refuses it too.
        var evaluation = Assert.Throws<MdpSolverException>(() => MdpSolver.Evaluate(new Broken(defect), [1, 1, 1]));
        Assert.Equal(SolverErrorIds.InvalidModel, evaluation.Id);
    }

    [Fact]
    public void A_caller_that_validated_already_can_skip_validation()
    {
        // The sum-below-one defect is numerically harmless to the solver, so the opt-out solves it.
        var solution = MdpSolver.Solve(new Broken(Defect.SumBelowOne), new SolverOptions { SkipValidation = true });
        Assert.Equal(3, solution.Values.Length);
        Assert.Empty(MdpSolver.Solve(new Broken(Defect.None)).Warnings);
    }

    [Fact]
    public void Looking_up_a_state_by_label_builds_labels_one_at_a_time_and_stops_at_the_match()
    {
        var model = new CountingLabels(1000);
        var solution = MdpSolver.Solve(model, new SolverOptions { SkipValidation = true, Method = SolverMethod.ValueIteration });
        CountingLabels.Calls.Value = 0;
        Assert.Equal(solution.Values[3], solution.Value("(s=3)"));
        Assert.Equal(4, CountingLabels.Calls.Value); // labels of states 0..3, none stored
        Assert.Throws<KeyNotFoundException>(() => solution.Value("(s=5000)"));
    }

    [Fact]
    public void A_model_that_parses_its_labels_is_asked_directly()
    {
        var model = new ParsingLabels(1000);
        var solution = MdpSolver.Solve(model, new SolverOptions { SkipValidation = true, Method = SolverMethod.ValueIteration });
        CountingLabels.Calls.Value = 0;
        Assert.Equal(solution.Values[777], solution.Value("(s=777)"));
        Assert.Equal(solution.ActionName(solution.Policy[777]), solution.Action("(s=777)"));
        Assert.Equal(0, CountingLabels.Calls.Value);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Discounted_finite_horizon_matches_an_expectimax_over_the_tree(double gamma)
    {
        const int horizon = 5;
        var model = new RiverSwim(6, Criterion.FiniteHorizon(horizon, gamma));
        var solution = MdpSolver.Solve(model);
        var d = DenseReference.From(model);
        for (int s = 0; s < 6; s++)
        {
            double expected = Expectimax(d, s, horizon, gamma);
            Assert.True(Math.Abs(solution.Values[s] - expected) <= 1e-12 + solution.ErrorBound, $"s={s}: {solution.Values[s]} vs {expected}");
        }
        if (gamma < 1)
        {
            // Discounting changes the answer: the undiscounted values are larger.
            var undiscounted = MdpSolver.Solve(new RiverSwim(6, Criterion.FiniteHorizon(horizon)));
            Assert.True(undiscounted.Values[5] > solution.Values[5] + 1e-6);
        }
    }

    /// <summary>max_a Σ p·(r + γ·V) by explicit recursion over the tree of depth <paramref name="depth"/>, no tables.</summary>
    private static double Expectimax(DenseReference d, int s, int depth, double gamma)
    {
        if (depth == 0 || d.Terminal[s]) return 0;
        double best = double.NegativeInfinity;
        for (int a = 0; a < d.Actions; a++)
        {
            if (!d.Enabled[s, a]) continue;
            double q = d.R[s, a];
            for (int next = 0; next < d.States; next++)
                if (d.P[a][s, next] > 0) q += gamma * d.P[a][s, next] * Expectimax(d, next, depth - 1, gamma);
            best = Math.Max(best, q);
        }
        return best;
    }

    public sealed class Counter { public int Value; }

    /// <summary>A chain whose StateLabel counts its calls; it keeps IMdp's default TryParseState.</summary>
    private readonly struct CountingLabels(int n) : IMdp
    {
        public static Counter Calls { get; } = new();
        public int StateCount => n;
        public int ActionCount => 1;
        public Criterion Criterion => Criterion.Discounted(0.5);
        public bool IsTimeDependent => false;
        public bool IsTerminal(int state) => false;
        public string Name => "Counting";
        public string StateLabel(int state)
        {
            Calls.Value++;
            return $"(s={state})";
        }
        public string ActionName(int action) => "go";
        public SourceLocation RuleLocation(int rule) => default;
        public bool Transitions<TVisitor>(int s, int action, int step, ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        {
            v.Outcome((s + 1) % n, 1.0, s % 7);
            return true;
        }
        public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct => v.Outcome(0, 1.0, 0);
    }

    /// <summary>The same chain with a parser for its labels, as emitted models will have.</summary>
    private readonly struct ParsingLabels(int n) : IMdp
    {
        private readonly CountingLabels _inner = new(n);
        public int StateCount => n;
        public int ActionCount => 1;
        public Criterion Criterion => _inner.Criterion;
        public bool IsTimeDependent => false;
        public bool IsTerminal(int state) => false;
        public string Name => "Parsing";
        public string StateLabel(int state) => _inner.StateLabel(state);
        public string ActionName(int action) => "go";
        public SourceLocation RuleLocation(int rule) => default;
        public bool Transitions<TVisitor>(int s, int action, int step, ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
            => _inner.Transitions(s, action, step, ref v);
        public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct => v.Outcome(0, 1.0, 0);
        public bool TryParseState(string label, out int state)
        {
            state = label.StartsWith("(s=", StringComparison.Ordinal) && label.EndsWith(')') && int.TryParse(label.AsSpan(3, label.Length - 4), out int x) && x >= 0 && x < n ? x : -1;
            return state >= 0;
        }
    }
}
