using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Optimistic gradient descent-ascent with Euclidean projections onto the simplices, in the two-sequence
/// form of Wei, Lee, Zhang and Luo (ICLR 2021, Algorithm OGDA): x_t = Π(x̂_t + η A y_{t−1}),
/// x̂_{t+1} = Π(x̂_t + η A y_t), likewise for y. Its last iterate converges linearly on a zero-sum matrix
/// game for η ≤ 1/(8‖A‖) (their Theorem 5: polytopes). The shared
/// <see cref="OptimisticGradientDescentAscent{TOperator, TGeometryX, TGeometryY}"/> in the projected Euclidean geometry.
/// Compiler name <c>ogda</c>.
/// </summary>
public sealed class ProjectedOptimisticGradientDescentAscent(BimatrixGame game, double eta)
    : SaddlePointDynamics<EuclideanGeometry<SimplexSet>>(new OptimisticGradientDescentAscent<MatrixGameOperator, EuclideanGeometry<SimplexSet>, EuclideanGeometry<SimplexSet>>(new MatrixGameOperator(game), default, default), eta, "ogda");
