namespace RlSpec.Runtime.Bandits;

/// <summary>
/// The family of an arm's reward distribution, as <see cref="IBandit.Distribution"/> reports it: what the
/// engine needs to know a bound that holds for one family only, such as the Lai-Robbins bound for
/// Bernoulli arms (<see cref="Experiments.LaiRobbins"/>).
/// </summary>
public enum RewardDistribution
{
    /// <summary>Not one of the families below, or not declared (a hand-written bandit, an adversary).</summary>
    Other,
    /// <summary>Rewards 0 or 1, 1 with probability p (the mean).</summary>
    Bernoulli,
    /// <summary>Normal rewards (also a linear bandit's ⟨θ, x_a⟩ plus Gaussian noise).</summary>
    Gaussian,
    /// <summary>Beta(a, b) rewards in [0, 1].</summary>
    Beta,
    /// <summary>Uniform rewards on [low, high].</summary>
    Uniform,
    /// <summary>Exponential rewards with a rate.</summary>
    Exponential,
}
