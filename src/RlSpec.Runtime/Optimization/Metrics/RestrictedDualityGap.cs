using System;

namespace RlSpec.Runtime.Optimization.Metrics;

/// <summary>
/// The duality gap of a saddle problem min_x max_y f(x, y) restricted to a ball (Nesterov 2007, "Dual extrapolation and
/// its applications to solving variational inequalities", the restricted merit function):
/// G(x̄, ȳ) = max_{y ∈ Y_R} f(x̄, y) − min_{x ∈ X_R} f(x, ȳ), where X_R, Y_R are the variables' own domains for
/// bounded domains and the ball of radius R around the declared saddle point (or 0) for unconstrained ones. It is
/// ≥ 0 and 0 exactly at a saddle point inside the ball. Both inner problems are solved by
/// <see cref="ConstrainedMinimizer"/>; the buffers are allocated once per worker.
/// </summary>
public sealed class RestrictedDualityGap<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly TProblem _problem;
    private readonly VariableBlock[] _blocks;
    private readonly double[] _center;
    private readonly double _radius;
    private readonly double[] _z, _y, _g, _trial, _previous;

    /// <summary>A gap for <paramref name="problem"/> on the ball of radius <paramref name="radius"/> around <paramref name="center"/> (null: 0).</summary>
    public RestrictedDualityGap(TProblem problem, double radius, double[]? center)
    {
        if (!(radius > 0) || double.IsInfinity(radius)) throw new ArgumentException($"the gap's ball radius must be positive and finite, not {radius}");
        _problem = problem;
        _blocks = [.. problem.Variables];
        int n = problem.Dimension;
        if (center is not null && center.Length != n) throw new ArgumentException($"the saddle point has {center.Length} entries, the problem {n}");
        _center = center ?? new double[n];
        _radius = radius;
        _z = new double[n]; _y = new double[n]; _g = new double[n]; _trial = new double[n]; _previous = new double[n];
    }

    /// <summary>G(x̄, ȳ) at the point <paramref name="point"/> = (x̄, ȳ).</summary>
    public double At(ReadOnlySpan<double> point)
    {
        point.CopyTo(_z);
        var up = new Slice(_problem, _blocks, _center, _radius, maximize: true);
        double best = -ConstrainedMinimizer.Minimize(ref up, _z, _y, _g, _trial, _previous, 1e-10, 20000);
        point.CopyTo(_z);
        var down = new Slice(_problem, _blocks, _center, _radius, maximize: false);
        double worst = ConstrainedMinimizer.Minimize(ref down, _z, _y, _g, _trial, _previous, 1e-10, 20000);
        return best - worst;
    }

    /// <summary>±f as a function of one player's variables (the other's fixed): −f over y to maximize, f over x.</summary>
    private struct Slice(TProblem problem, VariableBlock[] blocks, double[] center, double radius, bool maximize) : ISmoothFunction
    {
        private TProblem _problem = problem;
        private readonly double _sign = maximize ? -1 : 1;

        public double Value(ReadOnlySpan<double> z) => _sign * _problem.Objective(z, 0);

        public double Gradient(ReadOnlySpan<double> z, Span<double> gradient)
        {
            double value = _problem.Gradient(z, gradient, 0);
            foreach (var b in blocks)
            {
                var part = gradient.Slice(b.Offset, b.Length);
                if (b.Maximized != maximize) part.Clear();
                else for (int i = 0; i < part.Length; i++) part[i] *= _sign;
            }
            return _sign * value;
        }

        public void Project(Span<double> z)
        {
            _problem.Project(z); // the fixed player's entries are feasible already: unchanged
            foreach (var b in blocks)
            {
                if (b.Maximized != maximize || b.Domain != VariableDomain.Reals) continue;
                double norm = 0;
                for (int i = b.Offset; i < b.Offset + b.Length; i++) { double d = z[i] - center[i]; norm += d * d; }
                norm = Math.Sqrt(norm);
                if (norm <= radius) continue;
                for (int i = b.Offset; i < b.Offset + b.Length; i++) z[i] = center[i] + (z[i] - center[i]) * radius / norm;
            }
        }
    }
}
