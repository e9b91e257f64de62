namespace RlSpec.Runtime.Bandits;

/// <summary>The three bandit settings the <c>bandit</c> kind declares.</summary>
public enum BanditFamily
{
    /// <summary>K arms with fixed reward distributions (Bernoulli, Gaussian, Beta, uniform, exponential).</summary>
    Stochastic,
    /// <summary>Arms are feature vectors x_a; the reward is ⟨θ, x_a⟩ plus Gaussian noise.</summary>
    Linear,
    /// <summary>An oblivious adversary: the reward of every arm at step t is an expression of (t, arm) and seeded draws.</summary>
    Adversarial,
}
