using System;

namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// What the saddle-point methods (<see cref="GradientDescentAscent{TOperator, TGeometryX, TGeometryY}"/>,
/// <see cref="OptimisticGradientDescentAscent{TOperator, TGeometryX, TGeometryY}"/>,
/// <see cref="Extragradient{TOperator, TGeometryX, TGeometryY}"/>) share: the operator, one geometry per
/// player, the iterate (x, y) with its mirror coordinates, and the uniform average of the iterates.
/// Usage: construct once, <see cref="Reset"/> with a start, then <see cref="Step"/>(η) per iteration
/// (η may change between calls: step-size schedules). Nothing allocates after construction.
/// </summary>
public abstract class SaddlePointMethod<TOperator, TGeometryX, TGeometryY>
    where TOperator : struct, ISaddleOperator
    where TGeometryX : struct, IMirrorGeometry
    where TGeometryY : struct, IMirrorGeometry
{
    private TOperator _operator;
    /// <summary>The geometries of x and y.</summary>
    protected readonly TGeometryX GeometryX;
    /// <summary>The geometry of y.</summary>
    protected readonly TGeometryY GeometryY;
    /// <summary>The iterate and its mirror coordinates.</summary>
    protected readonly double[] PointX, MirrorX, PointY, MirrorY;
    /// <summary>Gradient buffers (∇x f, ∇y g) of the latest evaluation.</summary>
    protected readonly double[] GradientX, GradientY;
    private readonly double[] _averageX, _averageY;

    /// <summary>A method for <paramref name="saddleOperator"/> with the given geometries.</summary>
    protected SaddlePointMethod(TOperator saddleOperator, TGeometryX geometryX, TGeometryY geometryY)
    {
        _operator = saddleOperator;
        GeometryX = geometryX;
        GeometryY = geometryY;
        int n = saddleOperator.XDimension, m = saddleOperator.YDimension;
        if (n <= 0 || m <= 0) throw new ArgumentException("both players need at least one coordinate", nameof(saddleOperator));
        PointX = new double[n]; MirrorX = new double[n]; GradientX = new double[n]; _averageX = new double[n];
        PointY = new double[m]; MirrorY = new double[m]; GradientY = new double[m]; _averageY = new double[m];
    }

    /// <summary>The operator (by reference, so a caller may change its state, e.g. an online round).</summary>
    public ref TOperator Operator => ref _operator;

    /// <summary>The number of steps since <see cref="Reset"/>.</summary>
    public long Iteration { get; private set; }

    /// <summary>The number of operator evaluations since <see cref="Reset"/> (the cost measure).</summary>
    public long Evaluations { get; private set; }

    /// <summary>The current (last) iterate x.</summary>
    public ReadOnlySpan<double> X => PointX;

    /// <summary>The current (last) iterate y.</summary>
    public ReadOnlySpan<double> Y => PointY;

    /// <summary>The uniform average of the averaged points x (which points: see the method) over the steps so far; the start before the first step.</summary>
    public ReadOnlySpan<double> AverageX => _averageX;

    /// <summary>The uniform average of the averaged points y.</summary>
    public ReadOnlySpan<double> AverageY => _averageY;

    /// <summary>Starts from (x0, y0), projected by the geometries.</summary>
    public void Reset(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0)
    {
        if (x0.Length != PointX.Length || y0.Length != PointY.Length)
            throw new ArgumentException($"the start has lengths {x0.Length} and {y0.Length}, the operator {PointX.Length} and {PointY.Length}");
        x0.CopyTo(PointX); y0.CopyTo(PointY);
        GeometryX.Initialize(PointX, MirrorX);
        GeometryY.Initialize(PointY, MirrorY);
        PointX.CopyTo(_averageX); PointY.CopyTo(_averageY);
        Iteration = 0; Evaluations = 0;
        OnReset();
    }

    /// <summary>One iteration with step size <paramref name="eta"/> (&gt; 0).</summary>
    public void Step(double eta)
    {
        if (!(eta > 0) || double.IsInfinity(eta)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "the step size must be positive and finite");
        Iteration++;
        Advance(eta);
    }

    /// <summary>Method-specific set-up after a reset (e.g. the first gradient of an optimistic method).</summary>
    protected virtual void OnReset() { }

    /// <summary>The method's update; calls <see cref="Evaluate"/> for each gradient and <see cref="Accumulate"/> once.</summary>
    protected abstract void Advance(double eta);

    /// <summary>Evaluates the operator at (x, y) into (gx, gy), counting it.</summary>
    protected void Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
    {
        Evaluations++;
        _operator.Gradients(x, y, gx, gy);
    }

    /// <summary>Adds (x, y) to the running average: avg ← avg + (z − avg)/t.</summary>
    protected void Accumulate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double w = 1.0 / Iteration;
        MoveTowards(_averageX, x, w);
        MoveTowards(_averageY, y, w);
    }

    /// <summary>average ← average + w·(z − average), in SIMD lanes where available (element-wise: the same rounding as scalar code).</summary>
    private static void MoveTowards(Span<double> average, ReadOnlySpan<double> z, double w)
    {
        int n = average.Length, k = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            int width = System.Numerics.Vector<double>.Count;
            var ww = new System.Numerics.Vector<double>(w);
            for (; k + width <= n; k += width)
            {
                var av = new System.Numerics.Vector<double>(average.Slice(k, width));
                (av + ww * (new System.Numerics.Vector<double>(z.Slice(k, width)) - av)).CopyTo(average.Slice(k, width));
            }
        }
        for (; k < n; k++) average[k] += w * (z[k] - average[k]);
    }
}
