using System;
using System.Threading;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers.Linear;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Evaluation of a fixed stationary policy π: sweeps of T_π, products with I − γP_π, and the
/// exact solve of (I − γP_π)V = r_π (dense LU for small models, BiCGSTAB through the model
/// for large ones). Terminal states and states with action -1 have the row V(s) = b(s).
/// </summary>
public static class PolicyEvaluation
{
    /// <summary>Relative residual to which BiCGSTAB solves the evaluation system.</summary>
    public const double KrylovTolerance = 1e-13;

    /// <summary>
    /// One Jacobi sweep of T_π: <paramref name="next"/> = r_π + γP_π·<paramref name="values"/>;
    /// returns the range of next − values. Allocates nothing.
    /// </summary>
    public static ResidualRange Sweep<TModel>(in TModel model, ReadOnlySpan<int> policy, ReadOnlySpan<double> values, Span<double> next, double gamma, int step = 0)
        where TModel : struct, IMdp
    {
        TModel m = model;
        return SweepCore(ref m, policy, values, next, gamma, step);
    }

    internal static ResidualRange SweepCore<TModel>(ref TModel model, ReadOnlySpan<int> policy, ReadOnlySpan<double> values, Span<double> next, double gamma, int step)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        bool terminal = false;
        for (int s = 0; s < n; s++)
        {
            int a = policy[s];
            if (a < 0 || model.IsTerminal(s))
            {
                next[s] = 0;
                terminal = true;
                continue;
            }
            BellmanOperator.ActionValue(ref model, s, a, step, values, gamma, out double q);
            next[s] = q;
            double d = q - values[s];
            if (d < min) min = d;
            if (d > max) max = d;
            if (double.IsNaN(d)) { min = max = double.NaN; }
        }
        if (terminal)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }
        return new ResidualRange(min, max).OrZero();
    }

    /// <summary><paramref name="y"/> = (I − γP_π)·<paramref name="x"/>. Allocates nothing.</summary>
    public static void Multiply<TModel>(in TModel model, ReadOnlySpan<int> policy, ReadOnlySpan<double> x, Span<double> y, double gamma, int step = 0)
        where TModel : struct, IMdp
    {
        TModel m = model;
        MultiplyCore(ref m, policy, x, y, gamma, step);
    }

    internal static void MultiplyCore<TModel>(ref TModel model, ReadOnlySpan<int> policy, ReadOnlySpan<double> x, Span<double> y, double gamma, int step)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        for (int s = 0; s < n; s++)
        {
            int a = policy[s];
            if (a < 0 || model.IsTerminal(s))
            {
                y[s] = x[s];
                continue;
            }
            var product = new TransitionProduct(x);
            model.Transitions(s, a, step, ref product);
            y[s] = x[s] - gamma * product.Expected;
        }
    }

    /// <summary>r_π: expected one-step reward of the policy (0 at terminal states).</summary>
    internal static void Rewards<TModel>(ref TModel model, ReadOnlySpan<int> policy, Span<double> rewards, int step)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        for (int s = 0; s < n; s++)
        {
            int a = policy[s];
            if (a < 0 || model.IsTerminal(s))
            {
                rewards[s] = 0;
                continue;
            }
            var reward = new ExpectedReward();
            model.Transitions(s, a, step, ref reward);
            rewards[s] = reward.Value;
        }
    }

    /// <summary>
    /// Solves (I − γP_π)·x = <paramref name="rhs"/>; <paramref name="x"/> holds the starting
    /// guess for the iterative solver. Dense LU when StateCount ≤ <paramref name="denseLimit"/>,
    /// else BiCGSTAB to <see cref="KrylovTolerance"/>. Returns the Krylov iteration count (0 for LU).
    /// </summary>
    internal static int SolveLinear<TModel>(ref TModel model, int[] policy, double gamma, ReadOnlySpan<double> rhs, Span<double> x,
        int denseLimit, CancellationToken cancellation, bool throwIfInaccurate = true, double krylovTolerance = KrylovTolerance, int maxKrylovIterations = 0)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        if (n <= denseLimit)
        {
            var a = new double[(long)n * n];
            for (int s = 0; s < n; s++)
            {
                a[(long)s * n + s] = 1;
                int action = policy[s];
                if (action < 0 || model.IsTerminal(s)) continue;
                var row = new DenseRowBuilder(a.AsSpan(s * n, n), gamma);
                model.Transitions(s, action, 0, ref row);
            }
            rhs.CopyTo(x);
            DenseLu.Solve(a, n, x);
            return 0;
        }
        var op = new PolicyOperator<TModel>(model, policy, gamma);
        int iterations = BiCgStab.Solve(ref op, rhs, x, krylovTolerance, maxKrylovIterations > 0 ? maxKrylovIterations : Math.Max(1000, 10 * (int)Math.Sqrt(n) + 1000), cancellation, out double residual);
        if (throwIfInaccurate && !(residual <= krylovTolerance * 100))
            throw new MdpSolverException($"policy evaluation did not converge: BiCGSTAB stopped at relative residual {residual:G3} after {iterations} iterations.");
        return iterations;
    }

    /// <summary>Writes −γ·p into a dense row of I − γP_π.</summary>
    private ref struct DenseRowBuilder(Span<double> row, double gamma) : ITransitionVisitor
    {
        private readonly Span<double> _row = row;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward) => _row[next] -= gamma * probability;
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}

/// <summary>The operator I − γP_π applied through the model's transitions.</summary>
internal struct PolicyOperator<TModel>(TModel model, int[] policy, double gamma) : ILinearOperator
    where TModel : struct, IMdp
{
    private TModel _model = model;
    public readonly int Size => _model.StateCount;
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => PolicyEvaluation.MultiplyCore(ref _model, policy, x, y, gamma, 0);
}
