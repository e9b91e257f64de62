namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// Simultaneous gradient descent-ascent: x ← step_x(x, −η ∇x f(x, y)), y ← step_y(y, +η ∇y g(x, y)), both from
/// the same (x, y). In the Euclidean geometry this is projected GDA (it cycles or spirals out on bilinear
/// problems: Daskalakis, Ilyas, Syrgkanis and Zeng 2018); in the entropic geometry it is simultaneous
/// multiplicative weights / Hedge (Freund and Schapire 1999), whose last iterate moves away from an interior
/// equilibrium of a zero-sum game (Bailey and Piliouras 2018) while its average converges. One operator
/// evaluation per step; the average is over the iterates x_1 .. x_T after each step.
/// </summary>
public sealed class GradientDescentAscent<TOperator, TGeometryX, TGeometryY>(TOperator saddleOperator, TGeometryX geometryX, TGeometryY geometryY)
    : SaddlePointMethod<TOperator, TGeometryX, TGeometryY>(saddleOperator, geometryX, geometryY)
    where TOperator : struct, ISaddleOperator
    where TGeometryX : struct, IMirrorGeometry
    where TGeometryY : struct, IMirrorGeometry
{
    /// <inheritdoc/>
    protected override void Advance(double eta)
    {
        Evaluate(PointX, PointY, GradientX, GradientY);
        GeometryX.Step(PointX, MirrorX, GradientX, -eta, PointX, MirrorX);
        GeometryY.Step(PointY, MirrorY, GradientY, eta, PointY, MirrorY);
        Accumulate(PointX, PointY);
    }
}
