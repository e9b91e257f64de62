using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Optimistic multiplicative weights (OMWU; Daskalakis and Panageas 2019) in the two-sequence form of Wei,
/// Lee, Zhang and Luo ("Linear last-iterate convergence in constrained saddle-point optimization", ICLR
/// 2021, Algorithm OMWU): x_t ∝ x̂_t ∘ exp(η A y_{t−1}), x̂_{t+1} ∝ x̂_t ∘ exp(η A y_t), and likewise for y with
/// Bᵀx. On a zero-sum game with a unique equilibrium its last iterate converges linearly for η ≤ 1/8
/// (their Theorem 3; payoffs in [−1, 1]). The shared <see cref="OptimisticGradientDescentAscent{TOperator, TGeometryX, TGeometryY}"/>
/// in the entropic geometry. Compiler name <c>omwu</c>.
/// </summary>
public sealed class OptimisticMultiplicativeWeights(BimatrixGame game, double eta)
    : SaddlePointDynamics<EntropicGeometry>(new OptimisticGradientDescentAscent<MatrixGameOperator, EntropicGeometry, EntropicGeometry>(new MatrixGameOperator(game), default, default), eta, "omwu");
