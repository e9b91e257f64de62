using System;

namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// Optimistic gradient descent-ascent in the two-sequence form of optimistic mirror descent (Rakhlin and
/// Sridharan 2013; the form analysed by Wei, Lee, Zhang and Luo, "Linear last-iterate convergence in
/// constrained saddle-point optimization", ICLR 2021): with a secondary sequence ẑ,
/// z_t = step(ẑ_t, ∓η F(z_{t−1})), ẑ_{t+1} = step(ẑ_t, ∓η F(z_t)), F = (∇x f, ∇y g). In the Euclidean
/// geometry this is OGDA (unconstrained: z_{t+1} = z_t − 2ηF(z_t) + ηF(z_{t−1})); in the entropic geometry
/// it is optimistic multiplicative weights (OMWU), whose last iterate converges linearly on a matrix game
/// with a unique equilibrium for η ≤ 1/8 (their Theorem 3). The iterate reported is z_t (where F is
/// evaluated), and the average is over z_1 .. z_T. One operator evaluation per step; the reset evaluates
/// F(z_0) once, z_0 = ẑ_1 = the start.
/// </summary>
public sealed class OptimisticGradientDescentAscent<TOperator, TGeometryX, TGeometryY>
    : SaddlePointMethod<TOperator, TGeometryX, TGeometryY>
    where TOperator : struct, ISaddleOperator
    where TGeometryX : struct, IMirrorGeometry
    where TGeometryY : struct, IMirrorGeometry
{
    private readonly double[] _hatX, _hatMirrorX, _hatY, _hatMirrorY;

    /// <summary>Optimistic GDA (OMWU in the entropic geometry) for <paramref name="saddleOperator"/>.</summary>
    public OptimisticGradientDescentAscent(TOperator saddleOperator, TGeometryX geometryX, TGeometryY geometryY) : base(saddleOperator, geometryX, geometryY)
    {
        _hatX = new double[PointX.Length]; _hatMirrorX = new double[PointX.Length];
        _hatY = new double[PointY.Length]; _hatMirrorY = new double[PointY.Length];
    }

    /// <summary>The secondary sequence x̂_{t+1}.</summary>
    public ReadOnlySpan<double> SecondaryX => _hatX;

    /// <summary>The secondary sequence ŷ_{t+1}.</summary>
    public ReadOnlySpan<double> SecondaryY => _hatY;

    /// <inheritdoc/>
    protected override void OnReset()
    {
        PointX.CopyTo(_hatX); MirrorX.CopyTo(_hatMirrorX);
        PointY.CopyTo(_hatY); MirrorY.CopyTo(_hatMirrorY);
        Evaluate(PointX, PointY, GradientX, GradientY);
    }

    /// <inheritdoc/>
    protected override void Advance(double eta)
    {
        // z_t from ẑ_t with the previous gradient F(z_{t−1}), held in GradientX/GradientY
        GeometryX.Step(_hatX, _hatMirrorX, GradientX, -eta, PointX, MirrorX);
        GeometryY.Step(_hatY, _hatMirrorY, GradientY, eta, PointY, MirrorY);
        Evaluate(PointX, PointY, GradientX, GradientY);
        GeometryX.Step(_hatX, _hatMirrorX, GradientX, -eta, _hatX, _hatMirrorX);
        GeometryY.Step(_hatY, _hatMirrorY, GradientY, eta, _hatY, _hatMirrorY);
        Accumulate(PointX, PointY);
    }
}
