using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// A matrix-game dynamic that is one of the shared saddle-point methods (<see cref="SaddlePointMethod{TOperator, TGeometryX, TGeometryY}"/>)
/// run on <see cref="MatrixGameOperator"/> with a constant step η from the uniform profile. The subclasses
/// (MWU, OMWU, mirror prox, GDA, OGDA, extragradient) only choose the method and the geometry.
/// </summary>
public abstract class SaddlePointDynamics<TGeometry> : IGameDynamics where TGeometry : struct, IMirrorGeometry
{
    private readonly SaddlePointMethod<MatrixGameOperator, TGeometry, TGeometry> _method;
    private readonly double[] _uniformRow, _uniformColumn;

    /// <summary>Wraps <paramref name="method"/> with step size <paramref name="eta"/>.</summary>
    protected SaddlePointDynamics(SaddlePointMethod<MatrixGameOperator, TGeometry, TGeometry> method, double eta, string name)
    {
        if (!(eta > 0) || double.IsInfinity(eta)) throw new ArgumentOutOfRangeException(nameof(eta), eta, $"{name}: the step size must be positive and finite");
        _method = method;
        Eta = eta;
        _uniformRow = Uniform(method.X.Length);
        _uniformColumn = Uniform(method.Y.Length);
        Reset();
    }

    /// <summary>The step size η.</summary>
    public double Eta { get; }

    /// <summary>Operator evaluations (pairs of matrix-vector products) so far.</summary>
    public long Evaluations => _method.Evaluations;

    /// <inheritdoc/>
    public long Iteration => _method.Iteration;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row => _method.X;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Column => _method.Y;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageRow => _method.AverageX;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageColumn => _method.AverageY;

    /// <inheritdoc/>
    public void Reset() => _method.Reset(_uniformRow, _uniformColumn);

    /// <inheritdoc/>
    public void Step(ref RandomStream random) => _method.Step(Eta);

    /// <summary>The uniform distribution over n actions.</summary>
    internal static double[] Uniform(int n)
    {
        var u = new double[n];
        u.AsSpan().Fill(1.0 / n);
        return u;
    }
}
