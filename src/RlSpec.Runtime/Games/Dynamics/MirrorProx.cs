using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Mirror prox with the entropy (Nemirovski, "Prox-method with rate of convergence O(1/t)", SIAM J. Optim.
/// 15, 2004): the leading point x_{t+½} ∝ x_t ∘ exp(η A y_t), y_{t+½} ∝ y_t ∘ exp(η Bᵀ x_t), then
/// x_{t+1} ∝ x_t ∘ exp(η A y_{t+½}), y_{t+1} ∝ y_t ∘ exp(η Bᵀ x_{t+½}). The average of the leading points has
/// duality gap O(1/T) on a zero-sum game (η ≤ 1/max|A|). The shared <see cref="Extragradient{TOperator, TGeometryX, TGeometryY}"/>
/// in the entropic geometry; two operator evaluations per step. Compiler name <c>mirror_prox</c>.
/// </summary>
public sealed class MirrorProx(BimatrixGame game, double eta)
    : SaddlePointDynamics<EntropicGeometry>(new Extragradient<MatrixGameOperator, EntropicGeometry, EntropicGeometry>(new MatrixGameOperator(game), default, default), eta, "mirror_prox");
