using System;
using System.Linq;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using Xunit;

namespace RlSpec.Tests.Infrastructure;

/// <summary>The checks every stationary model gets: valid, equal to the dense reference, all methods agree.</summary>
public static class ReferenceChecks
{
    public const double Tight = 1e-8;

    public static SolverMethod[] MethodsFor(Criterion c) => c.Kind switch
    {
        CriterionKind.Discounted => new[] { SolverMethod.ValueIteration, SolverMethod.GaussSeidel, SolverMethod.PolicyIteration, SolverMethod.ModifiedPolicyIteration },
        CriterionKind.FiniteHorizon => new[] { SolverMethod.BackwardInduction },
        CriterionKind.TotalReward => new[] { SolverMethod.ValueIteration, SolverMethod.GaussSeidel },
        _ => new[] { SolverMethod.RelativeValueIteration },
    };

    /// <summary>The checks every stationary example gets.</summary>
    public static MdpSolution CheckStationary<T>(T model) where T : struct, IMdp
    {
        Assert.Empty(MdpValidator.Validate(model));
        var d = DenseReference.Build(model);
        double gamma = model.Criterion.Kind == CriterionKind.Discounted ? model.Criterion.Discount : 1.0;
        MdpSolution? first = null;
        // Values of SixArms reach 10^5: agreement is asked to 1e-8 relative to the values' size
        // (1e-8 absolute for values of order 1), and the solvers to 1e-10 of it.
        double scale = 1;
        foreach (var method in MethodsFor(model.Criterion))
        {
            var solution = MdpSolver.Solve(model, new SolverOptions { Method = method, Tolerance = 1e-10 * scale, ToleranceKind = ToleranceKind.Absolute });
            if (first is null)
            {
                scale = Math.Max(1, solution.Values.Max(Math.Abs));
                solution = MdpSolver.Solve(model, new SolverOptions { Method = method, Tolerance = 1e-10 * scale, ToleranceKind = ToleranceKind.Absolute });
            }
            Assert.Empty(solution.Warnings);
            var reference = DenseReference.Evaluate(d, solution.Policy, gamma);
            for (int s = 0; s < model.StateCount; s++)
            {
                double error = Math.Abs(solution.Values[s] - reference[s]);
                Assert.True(error <= Tight * scale, $"{method}: V({model.StateLabel(s)}) = {solution.Values[s]:R}, reference {reference[s]:R}");
                Assert.True(error <= solution.ErrorBound + 1e-12, $"{method}: error {error:E2} exceeds the certified bound {solution.ErrorBound:E2}");
            }
            // The policy is optimal: no action improves on its own value (Bellman optimality).
            Assert.True(DenseReference.GreedyGap(d, reference, gamma) <= Tight * scale, $"{method}: the policy is not greedy");
            if (first is null) first = solution;
            else
                for (int s = 0; s < model.StateCount; s++)
                    Assert.True(Math.Abs(first.Values[s] - solution.Values[s]) <= Tight * scale, $"{first.Method} and {method} disagree at {model.StateLabel(s)}");
        }
        return first!;
    }
}
