using System;
using Google.OrTools.LinearSolver;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.OrTools;

/// <summary>
/// Two-player zero-sum matrix games solved by Google OR-Tools' GLOP: the row player's LP
/// <c>maximize v subject to Σ_i x_i A[i, j] ≥ v for every column j, Σ_i x_i = 1, x ≥ 0</c> (v free), and the column
/// player's strategy from the duals of the column constraints. An independent formulation and solver, so a test can
/// compare it with <see cref="ZeroSum"/> (our dense simplex on the column player's normalized LP).
/// </summary>
public static class GlopZeroSum
{
    /// <summary>The value and optimal strategies of the game with row payoffs A (row player maximizes).</summary>
    public static ZeroSumSolution Solve(double[,] payoff)
    {
        ArgumentNullException.ThrowIfNull(payoff);
        int m = payoff.GetLength(0), n = payoff.GetLength(1);
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver here");
        var x = new Variable[m];
        for (int i = 0; i < m; i++) x[i] = solver.MakeNumVar(0, double.PositiveInfinity, "x" + i);
        var v = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "v");
        var columns = new Constraint[n];
        for (int j = 0; j < n; j++)
        {
            // Σ_i x_i A[i, j] − v ≥ 0
            columns[j] = solver.MakeConstraint(0, double.PositiveInfinity, "col" + j);
            for (int i = 0; i < m; i++) columns[j].SetCoefficient(x[i], payoff[i, j]);
            columns[j].SetCoefficient(v, -1);
        }
        var simplex = solver.MakeConstraint(1, 1, "sum");
        for (int i = 0; i < m; i++) simplex.SetCoefficient(x[i], 1);
        var objective = solver.Objective();
        objective.SetCoefficient(v, 1);
        objective.SetMaximization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL) throw new InvalidOperationException($"GLOP ended {status}");
        var row = new double[m];
        for (int i = 0; i < m; i++) row[i] = Math.Max(0, x[i].SolutionValue());
        var column = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) { column[j] = Math.Abs(columns[j].DualValue()); sum += column[j]; }
        for (int j = 0; j < n; j++) column[j] /= sum;
        double rowSum = 0;
        foreach (double p in row) rowSum += p;
        for (int i = 0; i < m; i++) row[i] /= rowSum;
        return new ZeroSumSolution(v.SolutionValue(), row, column);
    }
}
