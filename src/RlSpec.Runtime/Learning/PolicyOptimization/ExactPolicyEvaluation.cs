using System;
using System.Threading;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Runtime.Solvers.Linear;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Exact evaluation of a stochastic policy π (at [s·A + a]) on a <see cref="SparseMdp"/> with discount γ:
/// V^π from (I − γP_π)V = r_π, Q^π(s,a) = r(s,a) + γ Σ p(s'|s,a) V(s'), the discounted state visitation
/// d^π_ρ = (1 − γ) ρᵀ(I − γP_π)⁻¹ (Agarwal, Kakade, Lee and Mahajan 2021, "On the theory of policy gradient
/// methods"), and the entropy-regularized V^π_τ with r_π replaced by Σ_a π(a|s)(r(s,a) − τ log π(a|s))
/// (Cen, Cheng, Chen, Wei and Chi 2021). Small models (≤ <see cref="PolicyOptimizationSetup.DenseSolveLimit"/>
/// states) are solved by the runtime's dense LU, larger ones by its BiCGSTAB to a relative residual of 1e-13,
/// warm-started from the previous solution. Buffers are allocated once; evaluations allocate nothing.
/// </summary>
public sealed class ExactPolicyEvaluation
{
    private readonly SparseMdp _model;
    private readonly int[] _rowOf;
    private readonly double[] _policy, _rhs, _lastValues, _lastVisitation;
    private readonly double[]? _dense, _krylov;
    private readonly int _denseLimit;

    /// <summary>An evaluator for <paramref name="model"/> with discount <paramref name="gamma"/>.</summary>
    public ExactPolicyEvaluation(SparseMdp model, double gamma, int denseSolveLimit = 300)
    {
        if (!(gamma > 0 && gamma < 1)) throw new ArgumentException($"the discount must be in (0, 1), not {gamma}.", nameof(gamma));
        _model = model;
        Discount = gamma;
        StateCount = model.StateCount;
        ActionCount = model.ActionCount;
        _denseLimit = denseSolveLimit;
        int n = StateCount, actions = ActionCount;
        _rowOf = new int[n * actions];
        _rowOf.AsSpan().Fill(-1);
        var groups = model.RowGroupStart;
        var rowActions = model.RowActions;
        for (int s = 0; s < n; s++)
            for (int r = groups[s]; r < groups[s + 1]; r++) _rowOf[s * actions + rowActions[r]] = r;
        _policy = new double[n * actions];
        _rhs = new double[n];
        _lastValues = new double[n];
        _lastVisitation = new double[n];
        if (n <= denseSolveLimit) _dense = new double[n * n];
        else _krylov = new double[6 * n];
    }

    /// <summary>An evaluator for a setup's model and discount.</summary>
    public ExactPolicyEvaluation(PolicyOptimizationSetup setup) : this(setup.Model, setup.Discount, setup.DenseSolveLimit) { }

    /// <summary>The model.</summary>
    public SparseMdp Model => _model;

    /// <summary>γ.</summary>
    public double Discount { get; }

    /// <summary>S.</summary>
    public int StateCount { get; }

    /// <summary>A.</summary>
    public int ActionCount { get; }

    /// <summary>The model row of (s, a), or −1 when a is not enabled in s.</summary>
    public int Row(int state, int action) => _rowOf[state * ActionCount + action];

    /// <summary>Whether state s has enabled actions (else it is terminal: value 0, no policy).</summary>
    public bool HasActions(int state) => _model.RowGroupStart[state + 1] > _model.RowGroupStart[state];

    /// <summary>Writes the uniform policy over each state's enabled actions.</summary>
    public void Uniform(Span<double> policy)
    {
        policy.Clear();
        var groups = _model.RowGroupStart;
        var rowActions = _model.RowActions;
        for (int s = 0; s < StateCount; s++)
        {
            int first = groups[s], end = groups[s + 1];
            for (int r = first; r < end; r++) policy[s * ActionCount + rowActions[r]] = 1.0 / (end - first);
        }
    }

    /// <summary>V^π_τ (τ = 0: the plain V^π) into <paramref name="values"/>.</summary>
    public void Values(ReadOnlySpan<double> policy, Span<double> values, double tau = 0)
    {
        int n = StateCount;
        policy.CopyTo(_policy);
        Rewards(tau);
        if (_dense is { } a)
        {
            BuildDense(a, transpose: false);
            _rhs.AsSpan().CopyTo(values);
            DenseLu.Solve(a.AsSpan(0, n * n), n, values);
            return;
        }
        var op = new StochasticPolicyOperator(_model, _policy, Discount, transpose: false);
        Krylov(ref op, _rhs, _lastValues);
        _lastValues.AsSpan().CopyTo(values);
    }

    /// <summary>Q(s,a) = r(s,a) + γ Σ p(s'|s,a)·values(s') at [s·A + a] for enabled pairs, 0 elsewhere.</summary>
    public void QValues(ReadOnlySpan<double> values, Span<double> q)
    {
        q.Clear();
        var groups = _model.RowGroupStart;
        var rowActions = _model.RowActions;
        var rowStart = _model.RowStart;
        var columns = _model.Columns;
        var probabilities = _model.Probabilities;
        var rewards = _model.RowRewards;
        double gamma = Discount;
        for (int s = 0; s < StateCount; s++)
            for (int r = groups[s]; r < groups[s + 1]; r++)
            {
                double expected = 0;
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++) expected += probabilities[k] * values[columns[k]];
                q[s * ActionCount + rowActions[r]] = rewards[r] + gamma * expected;
            }
    }

    /// <summary>d^π_ρ(s) = (1 − γ) Σ_t γ^t Pr(s_t = s | s₀ ~ ρ, π); mass that reaches a terminal state is counted there once and leaves, so d sums to 1 only when no terminal state is reachable.</summary>
    public void Visitation(ReadOnlySpan<double> policy, ReadOnlySpan<double> start, Span<double> visitation)
    {
        int n = StateCount;
        policy.CopyTo(_policy);
        for (int s = 0; s < n; s++) _rhs[s] = (1 - Discount) * start[s];
        if (_dense is { } a)
        {
            BuildDense(a, transpose: true);
            _rhs.AsSpan().CopyTo(visitation);
            DenseLu.Solve(a.AsSpan(0, n * n), n, visitation);
            return;
        }
        var op = new StochasticPolicyOperator(_model, _policy, Discount, transpose: true);
        Krylov(ref op, _rhs, _lastVisitation);
        _lastVisitation.AsSpan().CopyTo(visitation);
    }

    /// <summary>Σ_s ρ(s)·values(s).</summary>
    public static double Expected(ReadOnlySpan<double> start, ReadOnlySpan<double> values)
    {
        double sum = 0;
        for (int s = 0; s < start.Length; s++) sum += start[s] * values[s];
        return sum;
    }

    /// <summary>max over states of ‖π(·|s) − π'(·|s)‖₁.</summary>
    public double Distance(ReadOnlySpan<double> policy, ReadOnlySpan<double> other)
    {
        double worst = 0;
        for (int s = 0; s < StateCount; s++)
        {
            double d = 0;
            for (int a = 0; a < ActionCount; a++) d += Math.Abs(policy[s * ActionCount + a] - other[s * ActionCount + a]);
            worst = Math.Max(worst, d);
        }
        return worst;
    }

    /// <summary>r_π(s) − τ Σ_a π log π into _rhs; terminal states (no rows) get 0 and, in the matrix, V(s) = 0.</summary>
    private void Rewards(double tau)
    {
        var groups = _model.RowGroupStart;
        var rowActions = _model.RowActions;
        var rewards = _model.RowRewards;
        for (int s = 0; s < StateCount; s++)
        {
            double sum = 0;
            for (int r = groups[s]; r < groups[s + 1]; r++)
            {
                double p = _policy[s * ActionCount + rowActions[r]];
                if (p <= 0) continue;
                sum += p * rewards[r];
                if (tau != 0) sum -= tau * p * Math.Log(p);
            }
            _rhs[s] = sum;
        }
    }

    /// <summary>I − γP_π (or its transpose) into the dense buffer.</summary>
    private void BuildDense(double[] a, bool transpose)
    {
        int n = StateCount;
        Array.Clear(a, 0, n * n);
        var groups = _model.RowGroupStart;
        var rowActions = _model.RowActions;
        var rowStart = _model.RowStart;
        var columns = _model.Columns;
        var probabilities = _model.Probabilities;
        for (int s = 0; s < n; s++)
        {
            a[s * n + s] += 1;
            for (int r = groups[s]; r < groups[s + 1]; r++)
            {
                double p = _policy[s * ActionCount + rowActions[r]];
                if (p == 0) continue;
                double scale = Discount * p;
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++)
                {
                    int next = columns[k];
                    a[transpose ? next * n + s : s * n + next] -= scale * probabilities[k];
                }
            }
        }
    }

    private void Krylov(ref StochasticPolicyOperator op, double[] rhs, double[] x)
    {
        int n = StateCount;
        int iterations = BiCgStab.Solve(ref op, rhs, x, PolicyEvaluation.KrylovTolerance, Math.Max(1000, 10 * (int)Math.Sqrt(n) + 1000),
            CancellationToken.None, out double residual, _krylov);
        if (!(residual <= PolicyEvaluation.KrylovTolerance * 100))
            throw new MdpSolverException($"policy evaluation did not converge: BiCGSTAB stopped at relative residual {residual:G3} after {iterations} iterations; raise DenseSolveLimit to solve this model densely.");
    }
}

/// <summary>The operator I − γP_π of a stochastic policy (or its transpose, for the visitation), through the sparse rows.</summary>
internal readonly struct StochasticPolicyOperator(SparseMdp model, double[] policy, double gamma, bool transpose) : ILinearOperator
{
    public int Size => model.StateCount;

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        var groups = model.RowGroupStart;
        var rowActions = model.RowActions;
        var rowStart = model.RowStart;
        var columns = model.Columns;
        var probabilities = model.Probabilities;
        int n = model.StateCount, actions = model.ActionCount;
        x.CopyTo(y);
        for (int s = 0; s < n; s++)
            for (int r = groups[s]; r < groups[s + 1]; r++)
            {
                double p = policy[s * actions + rowActions[r]];
                if (p == 0) continue;
                double scale = gamma * p;
                if (transpose)
                {
                    double xs = scale * x[s];
                    for (int k = rowStart[r]; k < rowStart[r + 1]; k++) y[columns[k]] -= xs * probabilities[k];
                }
                else
                {
                    double expected = 0;
                    for (int k = rowStart[r]; k < rowStart[r + 1]; k++) expected += probabilities[k] * x[columns[k]];
                    y[s] -= scale * expected;
                }
            }
    }
}
