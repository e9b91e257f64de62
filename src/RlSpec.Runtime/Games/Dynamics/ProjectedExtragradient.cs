using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Extragradient with Euclidean projections onto the simplices (Korpelevich, "The extragradient method for
/// finding saddle points and other problems", Ekonomika i Mat. Metody 12, 1976): x_{t+½} = Π(x_t + η A y_t),
/// y_{t+½} = Π(y_t + η Bᵀ x_t), then x_{t+1} = Π(x_t + η A y_{t+½}), y_{t+1} = Π(y_t + η Bᵀ x_{t+½}). Its last
/// iterate converges on a zero-sum (monotone) game for η &lt; 1/‖A‖₂. The shared
/// <see cref="Extragradient{TOperator, TGeometryX, TGeometryY}"/> in the projected Euclidean geometry.
/// Compiler name <c>extragradient</c>.
/// </summary>
public sealed class ProjectedExtragradient(BimatrixGame game, double eta)
    : SaddlePointDynamics<EuclideanGeometry<SimplexSet>>(new Extragradient<MatrixGameOperator, EuclideanGeometry<SimplexSet>, EuclideanGeometry<SimplexSet>>(new MatrixGameOperator(game), default, default), eta, "extragradient");
