using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Simultaneous projected gradient descent-ascent: x_{t+1} = Π(x_t + η A y_t), y_{t+1} = Π(y_t + η Bᵀ x_t).
/// On a bilinear zero-sum game its iterates spiral away from an interior equilibrium (the distance grows by
/// √(1 + η²σ²) per step on the unconstrained problem; Daskalakis, Ilyas, Syrgkanis and Zeng, "Training GANs
/// with optimism", ICLR 2018), until the simplex boundary stops them. The shared
/// <see cref="GradientDescentAscent{TOperator, TGeometryX, TGeometryY}"/> in the projected Euclidean geometry. Compiler name <c>gda</c>.
/// </summary>
public sealed class ProjectedGradientDescentAscent(BimatrixGame game, double eta)
    : SaddlePointDynamics<EuclideanGeometry<SimplexSet>>(new GradientDescentAscent<MatrixGameOperator, EuclideanGeometry<SimplexSet>, EuclideanGeometry<SimplexSet>>(new MatrixGameOperator(game), default, default), eta, "gda");
