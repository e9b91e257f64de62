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
        var backend = new FixedPolicyBackend(policy, gamma);
        return SweepOperator.Apply(ref model, ref backend, values, next, default, step);
    }

    /// <summary>One in-place Gauss-Seidel sweep of T_π; returns max |change|. Allocates nothing.</summary>
    internal static double GaussSeidelSweep<TModel>(ref TModel model, ReadOnlySpan<int> policy, Span<double> values, double gamma, int step)
        where TModel : struct, IMdp
    {
        var backend = new FixedPolicyBackend(policy, gamma);
        return SweepOperator.Apply(ref model, ref backend, values, values, default, step).Norm;
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
        int denseLimit, CancellationToken cancellation, bool throwIfInaccurate = true, double krylovTolerance = KrylovTolerance, int maxKrylovIterations = 0, LinearWorkspace? workspace = null)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        if (n <= denseLimit)
        {
            double[] a = workspace?.Dense(n * n) ?? new double[n * n];
            Array.Clear(a, 0, n * n);
            for (int s = 0; s < n; s++)
            {
                a[(long)s * n + s] = 1;
                int action = policy[s];
                if (action < 0 || model.IsTerminal(s)) continue;
                var row = new DenseRowBuilder(a.AsSpan(s * n, n), gamma);
                model.Transitions(s, action, 0, ref row);
            }
            rhs.CopyTo(x);
            DenseLu.Solve(a.AsSpan(0, n * n), n, x);
            return 0;
        }
        var op = new PolicyOperator<TModel>(model, policy, gamma);
        int iterations = BiCgStab.Solve(ref op, rhs, x, krylovTolerance, maxKrylovIterations > 0 ? maxKrylovIterations : Math.Max(1000, 10 * (int)Math.Sqrt(n) + 1000), cancellation, out double residual, workspace?.Krylov(6 * n));
        if (throwIfInaccurate && !(residual <= krylovTolerance * 100))
            throw new MdpSolverException($"policy evaluation did not converge: BiCGSTAB stopped at relative residual {residual:G3} after {iterations} iterations; solve with GaussSeidel or ModifiedPolicyIteration instead.");
        return iterations;
    }

    /// <summary>Writes −γ·p into a dense row of I − γP_π.</summary>
    private ref struct DenseRowBuilder(Span<double> row, double gamma) : ITransitionVisitor
    {
        private readonly Span<double> _row = row;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward) => _row[next] -= gamma * probability;
        public void BeginRule(int rule) { }
        public void BeginReward(int term) { }
        public void RewardTotal(int term, double total) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}

/// <summary>Buffers reused by successive policy evaluations (policy iteration), so its loop does not allocate per step.</summary>
internal sealed class LinearWorkspace
{
    private double[]? _dense, _krylov;
    public double[] Dense(int length) => _dense is { } d && d.Length >= length ? d : _dense = new double[length];
    public double[] Krylov(int length) => _krylov is { } k && k.Length >= length ? k : _krylov = new double[length];
}

/// <summary>The operator I − γP_π applied through the model's transitions.</summary>
internal struct PolicyOperator<TModel>(TModel model, int[] policy, double gamma) : ILinearOperator
    where TModel : struct, IMdp
{
    private TModel _model = model;
    public readonly int Size => _model.StateCount;
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => PolicyEvaluation.MultiplyCore(ref _model, policy, x, y, gamma, 0);
}
