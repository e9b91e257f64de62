using System;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Solvers.Linear;

namespace RlSpec.Runtime.Games.QuantalResponse;

/// <summary>A logit quantal response equilibrium: the strategies, the temperature, and the fixed-point residual reached.</summary>
/// <param name="Row">x = softmax(A·y / τ).</param>
/// <param name="Column">y = softmax(Bᵀ·x / τ) (for a zero-sum game, softmax(−Aᵀ·x / τ)).</param>
/// <param name="Temperature">τ, the inverse of the precision λ of McKelvey and Palfrey.</param>
/// <param name="Residual">max-norm of (x − softmax(A·y/τ), y − softmax(Bᵀ·x/τ)) at the returned point.</param>
/// <param name="NewtonSteps">Newton steps taken along the whole continuation.</param>
public sealed record QuantalResponseEquilibrium(double[] Row, double[] Column, double Temperature, double Residual, int NewtonSteps);

/// <summary>
/// Logit quantal response equilibria (McKelvey and Palfrey, "Quantal response equilibria for normal form games",
/// Games Econ. Behav. 10, 1995): each player plays the softmax of its expected payoffs divided by a temperature τ.
/// </summary>
/// <remarks>
/// <para>
/// In a zero-sum game the logit QRE is the unique saddle point of the entropy-regularized game
/// xᵀAy + τH(x) − τH(y) (strictly concave-convex), so it is unique for every τ &gt; 0.
/// </para>
/// <para>
/// Method: natural-parameter continuation in the precision λ = 1/τ from λ = 0, where the uniform profile is the
/// exact solution, to the target, with Newton's method on G(x, y) = (x − σ(λA·y), y − σ(λBᵀ·x)) as the corrector
/// (σ the softmax; its Jacobian diag(s) − ssᵀ). A step of λ whose Newton iteration does not converge, or leaves
/// the simplex, is halved; one that converges quickly is doubled. Newton then continues at the target until the
/// residual stops falling (below 1e-12 on well-scaled games). This follows the principal branch of Turocy
/// ("A dynamic homotopy interpretation of the logistic quantal response equilibrium correspondence", Games Econ.
/// Behav. 51, 2005) as a function of λ, which is exact for zero-sum games (the branch has no turning points,
/// the equilibrium being unique). For general bimatrix games, whose branch can fold back in λ,
/// <see cref="PrincipalBranch"/> follows it by pseudo-arclength continuation in (x, y, λ).
/// </para>
/// </remarks>
public static class LogitQre
{
    /// <summary>The logit QRE of the zero-sum game with payoff matrix A (row player maximizes xᵀAy) at temperature τ &gt; 0.</summary>
    public static QuantalResponseEquilibrium ZeroSum(double[,] payoff, double temperature)
    {
        ArgumentNullException.ThrowIfNull(payoff);
        if (!(temperature > 0) || double.IsPositiveInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be positive and finite");
        int m = payoff.GetLength(0), n = payoff.GetLength(1);
        if (m == 0 || n == 0) throw new ArgumentException("each player needs at least one action", nameof(payoff));
        var a = new double[m * n];
        var b = new double[m * n];
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double v = payoff[i, j];
                if (!double.IsFinite(v)) throw new ArgumentException("payoffs must be finite", nameof(payoff));
                a[i * n + j] = v; b[i * n + j] = -v;
                lo = Math.Min(lo, v); hi = Math.Max(hi, v);
            }
        return new Continuation(m, n, a, b).Run(1 / temperature, hi > lo ? hi - lo : 1);
    }

    /// <summary>
    /// The logit QRE of a bimatrix game at temperature τ &gt; 0 on the principal branch: the branch of the QRE
    /// correspondence that starts at the uniform profile at τ = ∞, traced by pseudo-arclength continuation
    /// (Allgower and Georg, "Introduction to Numerical Continuation Methods", 1990/2003, ch. 2; Turocy 2005 for the
    /// logit correspondence), so folds where the branch turns back in τ are followed; the first point where the
    /// branch reaches τ is returned.
    /// </summary>
    public static QuantalResponseEquilibrium PrincipalBranch(BimatrixGame game, double temperature)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!(temperature > 0) || double.IsPositiveInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be positive and finite");
        int m = game.Rows, n = game.Columns;
        var a = new double[m * n];
        var b = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) { a[i * n + j] = game.RowPayoff(i, j); b[i * n + j] = game.ColumnPayoff(i, j); }
        return new Continuation(m, n, a, b).Trace(1 / temperature, game.PayoffRange);
    }

    /// <summary>The residual max-norm of (x − σ(A·y/τ), y − σ(Bᵀ·x/τ)) for a bimatrix game; a zero-sum game is (A, −A).</summary>
    public static double Residual(BimatrixGame game, ReadOnlySpan<double> x, ReadOnlySpan<double> y, double temperature)
    {
        var ay = new double[game.Rows];
        var bx = new double[game.Columns];
        game.RowPayoffAgainst(y, ay);
        game.ColumnPayoffAgainst(x, bx);
        Softmax(ay, 1 / temperature);
        Softmax(bx, 1 / temperature);
        double r = 0;
        for (int i = 0; i < game.Rows; i++) r = Math.Max(r, Math.Abs(x[i] - ay[i]));
        for (int j = 0; j < game.Columns; j++) r = Math.Max(r, Math.Abs(y[j] - bx[j]));
        return r;
    }

    /// <summary>u ← softmax(λ·u), computed with the maximum subtracted so that nothing overflows.</summary>
    private static void Softmax(Span<double> u, double lambda)
    {
        double max = double.NegativeInfinity;
        foreach (double v in u) max = Math.Max(max, v);
        double sum = 0;
        for (int k = 0; k < u.Length; k++) { u[k] = Math.Exp(lambda * (u[k] - max)); sum += u[k]; }
        for (int k = 0; k < u.Length; k++) u[k] /= sum;
    }

    /// <summary>The continuation state: the game (row-major A and B), the current point z = (x, y) and Newton's buffers.</summary>
    private sealed class Continuation
    {
        private const int MaxContinuationSteps = 100_000;
        private readonly int _m, _n, _size;
        private readonly double[] _a, _b, _z, _trial, _sx, _sy, _g, _jacobian;
        private int _newtonSteps;

        public Continuation(int m, int n, double[] a, double[] b)
        {
            _m = m; _n = n; _size = m + n; _a = a; _b = b;
            _z = new double[_size];
            _trial = new double[_size];
            _sx = new double[m];
            _sy = new double[n];
            _g = new double[_size];
            _jacobian = new double[_size * _size];
        }

        public QuantalResponseEquilibrium Run(double target, double range)
        {
            for (int i = 0; i < _m; i++) _z[i] = 1.0 / _m;
            for (int j = 0; j < _n; j++) _z[_m + j] = 1.0 / _n;
            double lambda = 0, step = 1 / range;
            for (int attempts = 0; lambda < target; attempts++)
            {
                // Bounded work: a corrector that keeps failing, or keeps needing many steps, ends with an error, not a hang.
                if (step * range < 1e-12 || attempts >= MaxContinuationSteps)
                    throw new InvalidOperationException($"the QRE continuation stalled at precision {lambda} of {target}");
                double next = Math.Min(target, lambda + step);
                _z.AsSpan().CopyTo(_trial);
                int steps = Correct(_trial, next, 1e-11, 40);
                if (steps < 0) { step /= 2; continue; }
                _trial.AsSpan().CopyTo(_z);
                lambda = next;
                step *= steps <= 4 ? 2 : 1.25; // grow after every success, so one hard stretch does not slow the rest
            }
            return Polish(target);
        }

        /// <summary>Newton at the target precision from _z until the residual stops falling; the equilibrium.</summary>
        private QuantalResponseEquilibrium Polish(double target)
        {
            double residual = ResidualAt(_z, target);
            for (int k = 0; k < 20 && residual > 0; k++)
            {
                _z.AsSpan().CopyTo(_trial);
                if (!NewtonStep(_trial, target)) break;
                double r = ResidualAt(_trial, target);
                if (!(r < residual)) break;
                _trial.AsSpan().CopyTo(_z);
                residual = r;
            }
            var x = _z.AsSpan(0, _m).ToArray();
            var y = _z.AsSpan(_m, _n).ToArray();
            return new QuantalResponseEquilibrium(x, y, 1 / target, residual, _newtonSteps);
        }

        /// <summary>
        /// Pseudo-arclength continuation of H(z, w) = G(z; λ = w/range) = 0 from (uniform, 0): tangent from the bordered
        /// Jacobian [J_z J_w; t_prevᵀ], an Euler predictor of length h, Newton correctors on [H; tᵀ(u − u_pred)] = 0.
        /// </summary>
        public QuantalResponseEquilibrium Trace(double target, double range)
        {
            int size = _size, dim = size + 1;
            var u = new double[dim];
            var v = new double[dim];
            var predicted = new double[dim];
            var tangent = new double[dim];
            var previous = new double[dim];
            var bordered = new double[dim * dim];
            var rhs = new double[dim];
            for (int i = 0; i < _m; i++) u[i] = 1.0 / _m;
            for (int j = 0; j < _n; j++) u[_m + j] = 1.0 / _n;
            previous[size] = 1; // the branch leaves λ = 0 in the direction of growing λ
            if (!Tangent(u, range, previous, tangent, bordered, rhs))
                throw new InvalidOperationException("the QRE continuation found no tangent at the uniform profile");
            double targetW = target * range, h = 0.5;
            for (int attempts = 0; ; attempts++)
            {
                if (h < 1e-12 || attempts >= MaxContinuationSteps)
                    throw new InvalidOperationException($"the QRE continuation stalled at precision {u[size] / range} of {target}");
                for (int k = 0; k < dim; k++) v[k] = predicted[k] = u[k] + h * tangent[k];
                int steps = CorrectOnArc(v, predicted, tangent, range);
                if (steps < 0) { h /= 2; continue; }
                // Accept the step only if the corrector moved little and the branch turned by less than about 25°:
                // a longer jump near a fold can land on the part of the branch already traced, and the tangent's
                // orientation (by its sign against the previous one) is only reliable for small turns.
                double moved = 0;
                for (int k = 0; k < dim; k++) moved += (v[k] - predicted[k]) * (v[k] - predicted[k]);
                if (Math.Sqrt(moved) > 0.5 * h) { h /= 2; continue; }
                if (!Tangent(v, range, tangent, previous, bordered, rhs)) { h /= 2; continue; }
                double turn = 0;
                for (int k = 0; k < dim; k++) turn += previous[k] * tangent[k];
                if (turn < 0.9) { h /= 2; continue; }
                if (v[size] >= targetW)
                {
                    // The branch reached the target precision between u and v: start Newton at λ fixed from the chord.
                    double alpha = (targetW - u[size]) / (v[size] - u[size]);
                    for (int k = 0; k < size; k++) _trial[k] = u[k] + alpha * (v[k] - u[k]);
                    if (Correct(_trial, target, 1e-11, 40) < 0) { h /= 2; continue; }
                    _trial.AsSpan().CopyTo(_z);
                    return Polish(target);
                }
                v.AsSpan().CopyTo(u);
                previous.AsSpan().CopyTo(tangent);
                h = Math.Min(steps <= 4 ? 2 * h : 1.25 * h, 4);
            }
        }

        /// <summary>
        /// The unit tangent of the branch at u: [J_z J_w; orientationᵀ]·t = e_last, normalized, and flipped if needed so
        /// that t·orientation ≥ 0. False when the bordered matrix is singular.
        /// </summary>
        private bool Tangent(double[] u, double range, double[] orientation, double[] tangent, double[] bordered, double[] rhs)
        {
            int dim = _size + 1;
            Bordered(u, range, orientation, bordered);
            Array.Clear(rhs);
            rhs[_size] = 1;
            if (!DenseLu.TrySolve(bordered, dim, rhs, 1e-14)) return false;
            double norm = 0, dot = 0;
            for (int k = 0; k < dim; k++) norm += rhs[k] * rhs[k];
            norm = Math.Sqrt(norm);
            for (int k = 0; k < dim; k++) { tangent[k] = rhs[k] / norm; dot += tangent[k] * orientation[k]; }
            if (dot < 0) for (int k = 0; k < dim; k++) tangent[k] = -tangent[k];
            return true;
        }

        /// <summary>Newton on [H(u); t·(u − predicted)] = 0 from u = predicted; steps taken, or −1.</summary>
        private int CorrectOnArc(double[] u, double[] predicted, double[] tangent, double range)
        {
            int size = _size, dim = size + 1;
            var bordered = new double[dim * dim];
            var f = new double[dim];
            for (int k = 1; k <= 30; k++)
            {
                _newtonSteps++;
                if (u[size] < 0) return -1;
                double residual = ResidualAt(u, u[size] / range);
                double arc = 0;
                for (int q = 0; q < dim; q++) arc += tangent[q] * (u[q] - predicted[q]);
                if (residual <= 1e-11 && Math.Abs(arc) <= 1e-11) return k;
                Responses(u, u[size] / range);
                for (int i = 0; i < _m; i++) f[i] = -(u[i] - _sx[i]);
                for (int j = 0; j < _n; j++) f[_m + j] = -(u[_m + j] - _sy[j]);
                f[size] = -arc;
                Bordered(u, range, tangent, bordered);
                if (!DenseLu.TrySolve(bordered, dim, f, 1e-14)) return -1;
                for (int q = 0; q < dim; q++) u[q] += f[q];
                for (int q = 0; q < size; q++)
                {
                    if (!(u[q] >= -1e-12)) return -1;
                    if (u[q] < 0) u[q] = 0;
                }
            }
            return -1;
        }

        /// <summary>The (size+1)² matrix [J_z J_w; lastRowᵀ] at u = (z, w), λ = w/range.</summary>
        private void Bordered(double[] u, double range, double[] lastRow, double[] matrix)
        {
            int m = _m, n = _n, size = _size, dim = size + 1;
            double lambda = u[size] / range;
            Array.Clear(matrix);
            for (int k = 0; k < size; k++) matrix[k * dim + k] = 1;
            // Expected payoffs A·y and Bᵀ·x, kept before the softmax for the λ-column.
            var ay = new double[m];
            var bx = new double[n];
            for (int i = 0; i < m; i++) { double t = 0; for (int j = 0; j < n; j++) t += _a[i * n + j] * u[m + j]; ay[i] = t; }
            for (int j = 0; j < n; j++) { double t = 0; for (int i = 0; i < m; i++) t += _b[i * n + j] * u[i]; bx[j] = t; }
            Responses(u, lambda);
            for (int j = 0; j < n; j++)
            {
                double mean = 0;
                for (int k = 0; k < m; k++) mean += _sx[k] * _a[k * n + j];
                for (int i = 0; i < m; i++) matrix[i * dim + m + j] = -lambda * _sx[i] * (_a[i * n + j] - mean);
            }
            for (int i = 0; i < m; i++)
            {
                double mean = 0;
                for (int l = 0; l < n; l++) mean += _sy[l] * _b[i * n + l];
                for (int j = 0; j < n; j++) matrix[(m + j) * dim + i] = -lambda * _sy[j] * (_b[i * n + j] - mean);
            }
            // ∂G/∂w = −(1/range)·(diag(s) − ssᵀ)·(payoffs).
            double meanA = 0, meanB = 0;
            for (int i = 0; i < m; i++) meanA += _sx[i] * ay[i];
            for (int j = 0; j < n; j++) meanB += _sy[j] * bx[j];
            for (int i = 0; i < m; i++) matrix[i * dim + size] = -_sx[i] * (ay[i] - meanA) / range;
            for (int j = 0; j < n; j++) matrix[(m + j) * dim + size] = -_sy[j] * (bx[j] - meanB) / range;
            for (int k = 0; k < dim; k++) matrix[size * dim + k] = lastRow[k];
        }

        /// <summary>Newton iterations at precision λ from z; the number taken, or −1 when they fail to reach the tolerance.</summary>
        private int Correct(double[] z, double lambda, double tolerance, int maxSteps)
        {
            double residual = ResidualAt(z, lambda);
            for (int k = 1; k <= maxSteps; k++)
            {
                if (!NewtonStep(z, lambda)) return -1;
                double r = ResidualAt(z, lambda);
                if (!(r < 2 * residual + 1e-300) && k > 3) return -1; // diverging
                residual = r;
                if (residual <= tolerance) return k;
            }
            return -1;
        }

        /// <summary>One Newton step z ← z − J⁻¹G(z); false if J is singular or the step leaves the simplex.</summary>
        private bool NewtonStep(double[] z, double lambda)
        {
            _newtonSteps++;
            int m = _m, n = _n, size = _size;
            Responses(z, lambda);
            for (int i = 0; i < m; i++) _g[i] = -(z[i] - _sx[i]);
            for (int j = 0; j < n; j++) _g[m + j] = -(z[m + j] - _sy[j]);
            Array.Clear(_jacobian);
            for (int k = 0; k < size; k++) _jacobian[k * size + k] = 1;
            // ∂(x − σ(λAy))/∂y_j = −λ·sx_i·(A_ij − Σ_k sx_k A_kj).
            for (int j = 0; j < n; j++)
            {
                double mean = 0;
                for (int k = 0; k < m; k++) mean += _sx[k] * _a[k * n + j];
                for (int i = 0; i < m; i++) _jacobian[i * size + m + j] = -lambda * _sx[i] * (_a[i * n + j] - mean);
            }
            // ∂(y − σ(λBᵀx))/∂x_i = −λ·sy_j·(B_ij − Σ_l sy_l B_il).
            for (int i = 0; i < m; i++)
            {
                double mean = 0;
                for (int l = 0; l < n; l++) mean += _sy[l] * _b[i * n + l];
                for (int j = 0; j < n; j++) _jacobian[(m + j) * size + i] = -lambda * _sy[j] * (_b[i * n + j] - mean);
            }
            if (!DenseLu.TrySolve(_jacobian, size, _g, 1e-14)) return false;
            for (int k = 0; k < size; k++)
            {
                // Probabilities far below round-off may land a hair under zero; a real overshoot fails the step.
                z[k] += _g[k];
                if (!(z[k] >= -1e-12)) return false;
                if (z[k] < 0) z[k] = 0;
            }
            return true;
        }

        private void Responses(double[] z, double lambda)
        {
            int m = _m, n = _n;
            for (int i = 0; i < m; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += _a[i * n + j] * z[m + j];
                _sx[i] = s;
            }
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int i = 0; i < m; i++) s += _b[i * n + j] * z[i];
                _sy[j] = s;
            }
            Softmax(_sx, lambda);
            Softmax(_sy, lambda);
        }

        private double ResidualAt(double[] z, double lambda)
        {
            Responses(z, lambda);
            double r = 0;
            for (int i = 0; i < _m; i++) r = Math.Max(r, Math.Abs(z[i] - _sx[i]));
            for (int j = 0; j < _n; j++) r = Math.Max(r, Math.Abs(z[_m + j] - _sy[j]));
            return r;
        }
    }
}
