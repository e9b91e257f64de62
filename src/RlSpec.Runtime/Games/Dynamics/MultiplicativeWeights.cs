using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Multiplicative weights / Hedge in self-play (Freund and Schapire, "Adaptive game playing using
/// multiplicative weights", GEB 29, 1999): both players at once, x_{t+1} ∝ x_t ∘ exp(η A y_t),
/// y_{t+1} ∝ y_t ∘ exp(η Bᵀ x_t), from uniform. On a zero-sum game the average iterate converges to an
/// equilibrium (duality gap O(log n/(ηT) + η)) while the last iterate moves away from an interior
/// equilibrium (Bailey and Piliouras, "Multiplicative weights update in zero-sum games", EC 2018).
/// The shared <see cref="GradientDescentAscent{TOperator, TGeometryX, TGeometryY}"/> in the entropic geometry.
/// Compiler name <c>mwu</c>.
/// </summary>
public sealed class MultiplicativeWeights(BimatrixGame game, double eta)
    : SaddlePointDynamics<EntropicGeometry>(new GradientDescentAscent<MatrixGameOperator, EntropicGeometry, EntropicGeometry>(new MatrixGameOperator(game), default, default), eta, "mwu");
