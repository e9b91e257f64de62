using System;
using RlSpec.Runtime.Optimization.Solve;

namespace RlSpec.Runtime.Optimization.Transport;

/// <summary>What <see cref="TransportSolver"/> found: the plan P (row-major), its marginal error ‖P1 − a‖₁ and cost ⟨C, P⟩.</summary>
public sealed record TransportSolution(bool Converged, long Iterations, double MarginalError, double TransportCost, double Tolerance, int Rows, int Columns, double Epsilon, double[] Plan);

/// <summary>
/// <c>rlspec solve</c> on a transport problem: log-domain <see cref="Sinkhorn"/> until the row-marginal error ‖P1 − a‖₁
/// (the column sums are exact after every step) is at most the tolerance, checked after every iteration (the check costs
/// one pass over the plan, as a step does). Errors are <see cref="ProblemSolveException"/>s with the ids of the problem solver.
/// </summary>
public static class TransportSolver
{
    public static TransportSolution Solve(ITransportProblem problem, double tolerance, long maxIterations)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!(tolerance > 0) || double.IsInfinity(tolerance))
            throw new ProblemSolveException(ProblemSolveErrorIds.InvalidOption, $"the tolerance must be a positive number, not {tolerance}");
        if (maxIterations < 1)
            throw new ProblemSolveException(ProblemSolveErrorIds.InvalidOption, $"the iteration limit must be at least 1, not {maxIterations}");
        var sinkhorn = Sinkhorn.For(problem);
        long k = 0;
        double error = double.NaN;
        while (k < maxIterations)
        {
            sinkhorn.Step();
            k++;
            error = sinkhorn.MarginalError();
            if (!double.IsFinite(error))
                throw new ProblemSolveException(ProblemSolveErrorIds.NonFinite,
                    $"Sinkhorn's marginal error is {error} after {k} iterations (ε = {problem.Epsilon} against costs up to {MaxAbs(problem.Cost)}); rescale the cost or raise epsilon");
            if (error <= tolerance) break;
        }
        double cost = sinkhorn.TransportCost();
        if (!double.IsFinite(cost))
            throw new ProblemSolveException(ProblemSolveErrorIds.NonFinite, $"the transport cost of the plan is {cost}; rescale the cost matrix");
        var plan = new double[problem.Rows * problem.Columns];
        for (int i = 0; i < problem.Rows; i++)
            for (int j = 0; j < problem.Columns; j++) plan[i * problem.Columns + j] = sinkhorn.Plan(i, j);
        return new TransportSolution(error <= tolerance, k, error, cost, tolerance, problem.Rows, problem.Columns, problem.Epsilon, plan);
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
