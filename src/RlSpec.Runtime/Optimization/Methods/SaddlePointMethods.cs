using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Optimization.Saddle;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>Which of the shared saddle-point methods (src/RlSpec.Runtime/Dynamics) a <see cref="SaddlePointMethods{TProblem}"/> runs.</summary>
public enum SaddleAlgorithm
{
    /// <summary>Simultaneous gradient descent-ascent (<see cref="GradientDescentAscent{TOperator, TGeometryX, TGeometryY}"/>): cycles or diverges on bilinear problems.</summary>
    GradientDescentAscent,
    /// <summary>Optimistic GDA (<see cref="OptimisticGradientDescentAscent{TOperator, TGeometryX, TGeometryY}"/>); on a one-player online problem, optimistic OMD.</summary>
    OptimisticGradientDescentAscent,
    /// <summary>Extragradient (<see cref="Extragradient{TOperator, TGeometryX, TGeometryY}"/>); in the entropic geometry, mirror prox.</summary>
    Extragradient,
}

/// <summary>
/// The shared saddle-point methods of src/RlSpec.Runtime/Dynamics (GDA, optimistic GDA, extragradient; mirror prox and
/// OMWU in the entropic geometry) run on a compiled problem <c>min x max y f</c> through
/// <see cref="ProblemSaddleOperator{TProblem}"/> and <see cref="PlayerGeometry{TProblem}"/>, as a first-order method of
/// this folder: η_k from a schedule, the iterate and average in the problem's flat layout. On a problem without a max
/// player the same code is the one-player method (GDA: projected gradient or entropic mirror descent; optimistic GDA:
/// optimistic OMD, Rakhlin and Sridharan 2013, with hint m_t = ∇f_{t−1}(x_{t−1}) and m_1 = 0).
/// </summary>
public struct SaddlePointMethods<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly SaddleAlgorithm _algorithm;
    private readonly StepSchedule _step;
    private readonly bool _entropic;
    private SaddlePointMethod<ProblemSaddleOperator<TProblem>, PlayerGeometry<TProblem>, PlayerGeometry<TProblem>>? _method;
    private PlayerLayout? _x, _y;
    private double[] _flat, _average, _startX, _startY;
    private long _iterations;

    /// <summary><paramref name="algorithm"/> with the step schedule <paramref name="step"/>, in the entropic geometry when <paramref name="entropic"/>.</summary>
    public SaddlePointMethods(SaddleAlgorithm algorithm, StepSchedule step, bool entropic = false)
    {
        step.Validate();
        _algorithm = algorithm;
        _step = step;
        _entropic = entropic;
        _method = null;
        _x = _y = null;
        _flat = _average = _startX = _startY = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _iterations = iterations;
        var op = new ProblemSaddleOperator<TProblem>(problem);
        _x = op.MinPlayer;
        _y = op.MaxPlayer;
        var gx = new PlayerGeometry<TProblem>(problem, _x, _entropic);
        var gy = new PlayerGeometry<TProblem>(problem, _y, _entropic);
        _method = _algorithm switch
        {
            SaddleAlgorithm.GradientDescentAscent => new GradientDescentAscent<ProblemSaddleOperator<TProblem>, PlayerGeometry<TProblem>, PlayerGeometry<TProblem>>(op, gx, gy),
            SaddleAlgorithm.OptimisticGradientDescentAscent => new OptimisticGradientDescentAscent<ProblemSaddleOperator<TProblem>, PlayerGeometry<TProblem>, PlayerGeometry<TProblem>>(op, gx, gy),
            _ => new Extragradient<ProblemSaddleOperator<TProblem>, PlayerGeometry<TProblem>, PlayerGeometry<TProblem>>(op, gx, gy),
        };
        _flat = new double[problem.Dimension];
        _average = new double[problem.Dimension];
        problem.Initialize(_flat, ref random);
        _startX = new double[op.XDimension];
        _startY = new double[op.YDimension];
        _x.Gather(_flat, _startX);
        if (_y.Dimension > 0) _y.Gather(_flat, _startY);
        _method.Reset(_startX, _startY);
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        var method = _method!;
        method.Operator.Round = k;
        method.Step(_step.At(k, _iterations));
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Iterate
    {
        get
        {
            _x!.Scatter(_method!.X, _flat);
            if (_y!.Dimension > 0) _y.Scatter(_method.Y, _flat);
            return _flat;
        }
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Average
    {
        get
        {
            _x!.Scatter(_method!.AverageX, _average);
            if (_y!.Dimension > 0) _y.Scatter(_method.AverageY, _average);
            return _average;
        }
    }

    /// <inheritdoc/>
    public readonly double LastObjective => _method!.Operator.LastObjective;

    /// <inheritdoc/>
    public readonly double Penalty(ReadOnlySpan<double> x) => 0;
}
