using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Howard's policy iteration (Puterman 1994, §6.4): evaluate the policy exactly by solving
/// (I − γP_π)V = r_π, then switch each state to a greedy action that is better by more than
/// rounding noise; stop when no state switches. A final Jacobi sweep certifies the values.
/// </summary>
public static class PolicyIteration
{
    /// <summary>Relative margin an action must beat the current one by to be switched to (prevents cycling on rounding ties).</summary>
    public const double SwitchMargin = 1e-12;

    internal static SolverResult Solve<TModel>(ref TModel model, double gamma, SolverOptions options, ref ProgressClock clock)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        var v = new double[n];
        var rewards = new double[n];
        var policy = new int[n];
        var result = new SolverResult();
        var workspace = new LinearWorkspace();
        // Start from the myopic policy: greedy with respect to V = 0.
        ValueIteration.SweepCore(ref model, v, rewards, policy, gamma, 0);
        int iteration = 0;
        while (true)
        {
            iteration++;
            PolicyEvaluation.Rewards(ref model, policy, rewards, 0);
            PolicyEvaluation.SolveLinear(ref model, policy, gamma, rewards, v, options.DenseSolveLimit, options.CancellationToken, workspace: workspace);
            int switched = Improve(ref model, v, policy, gamma);
            clock.Tick(iteration, switched);
            if (switched == 0) break;
            if (iteration >= options.MaxIterations)
            {
                result.StopReason = StopReason.IterationLimit;
                break;
            }
        }
        var next = new double[n];
        var greedy = new GreedyBackend(gamma);
        var range = SweepOperator.Apply(ref model, ref greedy, v, next, policy, 0);
        if (!double.IsFinite(range.Min + range.Max)) throw SolverResult.NonFinite(ref model, next, iteration);
        result.ErrorBound = ValueIteration.MidpointOfBracket(ref model, next, range, gamma, greedy.MaxOutcomes, out result.RoundingAllowance);
        result.Values = next;
        result.Policy = policy;
        result.Iterations = iteration;
        result.Residual = range.Norm;
        return result;
    }

    /// <summary>Policy improvement in place; returns how many states switched action.</summary>
    internal static int Improve<TModel>(ref TModel model, ReadOnlySpan<double> v, int[] policy, double gamma)
        where TModel : struct, IMdp
    {
        int n = model.StateCount, switched = 0;
        for (int s = 0; s < n; s++)
        {
            int current = policy[s];
            if (current < 0 || model.IsTerminal(s)) continue;
            double best = BellmanOperator.Greedy(ref model, s, 0, v, gamma, out int action);
            if (action == current) continue;
            BellmanOperator.ActionValue(ref model, s, current, 0, v, gamma, out double q);
            if (best > q + SwitchMargin * (1 + Math.Abs(q)))
            {
                policy[s] = action;
                switched++;
            }
        }
        return switched;
    }
}
