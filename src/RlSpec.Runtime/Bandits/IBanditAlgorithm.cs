using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits;

/// <summary>
/// A bandit algorithm: the built-in ones under Bandits/Algorithms and a researcher's own struct alike.
/// The experiment engine is generic over the implementing struct, so <see cref="Select"/> and
/// <see cref="Update"/> are called directly, without boxing or virtual dispatch, and must allocate
/// nothing; <see cref="Reset"/> runs once per run and is where arrays are (re)allocated.
/// </summary>
public interface IBanditAlgorithm
{
    /// <summary>Forgets everything and prepares for a new run on a bandit described by <paramref name="setup"/>.</summary>
    void Reset(BanditSetup setup);

    /// <summary>The arm to pull at step <paramref name="t"/> (1-based); randomised algorithms draw from <paramref name="random"/>, the run's algorithm stream.</summary>
    int Select(long t, ref RandomStream random);

    /// <summary>Observes the reward of the arm just pulled.</summary>
    void Update(int arm, double reward);
}

/// <summary>A best-arm identification algorithm: after its budget it recommends one arm.</summary>
public interface IBestArmIdentification : IBanditAlgorithm
{
    /// <summary>The arm recommended after the budget (the horizon) is spent.</summary>
    int Recommend();
}
