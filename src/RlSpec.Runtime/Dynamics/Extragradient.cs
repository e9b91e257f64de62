namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// Extragradient (Korpelevich 1976); in a non-Euclidean geometry, mirror prox (Nemirovski 2004):
/// the leading point z_{t+½} = step(z_t, ∓η F(z_t)), then z_{t+1} = step(z_t, ∓η F(z_{t+½})) from the same
/// z_t, with F = (∇x f, ∇y g) (descent for x, ascent for y). Converges in the last iterate on monotone
/// (e.g. bilinear) problems for η &lt; 1/L; the average of the leading points has the O(1/T) gap bound
/// (Nemirovski 2004, Theorem 3.2), so that is what <see cref="SaddlePointMethod{TOperator, TGeometryX, TGeometryY}.AverageX"/>
/// averages. Two operator evaluations per step.
/// </summary>
public sealed class Extragradient<TOperator, TGeometryX, TGeometryY>
    : SaddlePointMethod<TOperator, TGeometryX, TGeometryY>
    where TOperator : struct, ISaddleOperator
    where TGeometryX : struct, IMirrorGeometry
    where TGeometryY : struct, IMirrorGeometry
{
    private readonly double[] _leadX, _leadMirrorX, _leadY, _leadMirrorY;

    /// <summary>Extragradient (mirror prox) for <paramref name="saddleOperator"/> with the given geometries.</summary>
    public Extragradient(TOperator saddleOperator, TGeometryX geometryX, TGeometryY geometryY) : base(saddleOperator, geometryX, geometryY)
    {
        _leadX = new double[PointX.Length]; _leadMirrorX = new double[PointX.Length];
        _leadY = new double[PointY.Length]; _leadMirrorY = new double[PointY.Length];
    }

    /// <inheritdoc/>
    protected override void Advance(double eta)
    {
        Evaluate(PointX, PointY, GradientX, GradientY);
        GeometryX.Step(PointX, MirrorX, GradientX, -eta, _leadX, _leadMirrorX);
        GeometryY.Step(PointY, MirrorY, GradientY, eta, _leadY, _leadMirrorY);
        Evaluate(_leadX, _leadY, GradientX, GradientY);
        GeometryX.Step(PointX, MirrorX, GradientX, -eta, PointX, MirrorX);
        GeometryY.Step(PointY, MirrorY, GradientY, eta, PointY, MirrorY);
        Accumulate(_leadX, _leadY);
    }
}
