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
/// <remarks>
/// Both prox steps that use F(z_t) (ẑ_{t+1} from ẑ_t, then z_{t+1} from ẑ_{t+1}) are taken together at the start of
/// step t+1, when its step size is known: in the entropic geometry they fuse into one pass with one set of
/// exponentials (<see cref="EntropyMirrorStep.OptimisticStep"/>), the cost that matters next to the two
/// matrix-vector products of a matrix game (docs/performance.md). Other geometries take the two steps in turn.
/// </remarks>
public sealed class OptimisticGradientDescentAscent<TOperator, TGeometryX, TGeometryY>
    : SaddlePointMethod<TOperator, TGeometryX, TGeometryY>
    where TOperator : struct, ISaddleOperator
    where TGeometryX : struct, IMirrorGeometry
    where TGeometryY : struct, IMirrorGeometry
{
    private readonly double[] _hatX, _hatMirrorX, _hatY, _hatMirrorY;
    // The step size of the previous step: ẑ_t still awaits its update ẑ_{t+1} = step(ẑ_t, ∓η_t F(z_t)) (0 after a reset).
    private double _pendingEta;

    /// <summary>Optimistic GDA (OMWU in the entropic geometry) for <paramref name="saddleOperator"/>.</summary>
    public OptimisticGradientDescentAscent(TOperator saddleOperator, TGeometryX geometryX, TGeometryY geometryY) : base(saddleOperator, geometryX, geometryY)
    {
        _hatX = new double[PointX.Length]; _hatMirrorX = new double[PointX.Length];
        _hatY = new double[PointY.Length]; _hatMirrorY = new double[PointY.Length];
    }

    /// <inheritdoc/>
    protected override void OnReset()
    {
        PointX.CopyTo(_hatX); MirrorX.CopyTo(_hatMirrorX);
        PointY.CopyTo(_hatY); MirrorY.CopyTo(_hatMirrorY);
        _pendingEta = 0;
        Evaluate(PointX, PointY, GradientX, GradientY);
    }

    /// <inheritdoc/>
    protected override void Advance(double eta)
    {
        // ẑ_t = step(ẑ_{t−1}, F(z_{t−1})) with η_{t−1}, then z_t = step(ẑ_t, F(z_{t−1})) with η_t; F(z_{t−1}) is in GradientX/Y
        Pair(GeometryX, _hatX, _hatMirrorX, GradientX, -_pendingEta, -eta, PointX, MirrorX);
        Pair(GeometryY, _hatY, _hatMirrorY, GradientY, _pendingEta, eta, PointY, MirrorY);
        Evaluate(PointX, PointY, GradientX, GradientY);
        _pendingEta = eta;
        Accumulate(PointX, PointY);
    }

    private static void Pair<TGeometry>(in TGeometry geometry, double[] hat, double[] hatMirror, double[] direction, double hatScale, double scale,
        double[] point, double[] mirror) where TGeometry : struct, IMirrorGeometry
    {
        // typeof tests on a struct type argument are constants to the JIT: each specialization keeps one branch.
        if (typeof(TGeometry) == typeof(EntropicGeometry))
        {
            // The entropic state is the logits; the secondary sequence's probabilities are never needed.
            EntropyMirrorStep.OptimisticStep(hatMirror, direction, hatScale, scale, mirror, point);
            return;
        }
        if (hatScale != 0) geometry.Step(hat, hatMirror, direction, hatScale, hat, hatMirror);
        geometry.Step(hat, hatMirror, direction, scale, point, mirror);
    }
}
