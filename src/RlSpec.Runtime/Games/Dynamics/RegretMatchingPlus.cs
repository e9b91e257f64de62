using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Regret matching+ (Tammelin, "Solving large imperfect information games using CFR+", 2014; Tammelin,
/// Burch, Johanson and Bowling, IJCAI 2015): as <see cref="RegretMatching"/> but the cumulative regrets are
/// clipped at zero after every step, R ← [R + u − x·u]₊, so an action that was bad long ago recovers quickly.
/// Simultaneous updates and the uniform average, for which the O(1/√T) gap bound holds. Compiler name <c>regret_matching_plus</c>.
/// </summary>
public sealed class RegretMatchingPlus(BimatrixGame game) : RegretMatching(game, true);
