namespace RlSpec.Runtime.Mdp;

/// <summary>The kinds of optimality criteria an MDP can declare.</summary>
public enum CriterionKind
{
    /// <summary><c>discount γ</c>: maximize E[Σ γ^t r_t].</summary>
    Discounted,
    /// <summary><c>horizon H</c>: maximize E[Σ_{t&lt;H} γ^t r_t] (γ = 1 unless a discount is declared too), rules may read the step t.</summary>
    FiniteHorizon,
    /// <summary><c>until cond</c> alone: maximize the total reward until a terminal state (stochastic shortest path).</summary>
    TotalReward,
    /// <summary><c>average</c>: maximize the long-run average reward (gain).</summary>
    AverageReward,
}

/// <summary>An optimality criterion with its parameter (discount factor or horizon).</summary>
public readonly record struct Criterion(CriterionKind Kind, double Discount, int Horizon)
{
    public static Criterion Discounted(double gamma) => new(CriterionKind.Discounted, gamma, 0);
    public static Criterion FiniteHorizon(int horizon) => new(CriterionKind.FiniteHorizon, 1.0, horizon);

    /// <summary>
    /// <c>horizon H</c> with <c>discount γ</c>: maximize E[Σ_{t&lt;H} γ^t r_t] (pymdptoolbox's FiniteHorizon),
    /// solved by backward induction V_t = max_a Σ p·(r + γ·V_{t+1}); γ in [0, 1].
    /// </summary>
    public static Criterion FiniteHorizon(int horizon, double discount) => new(CriterionKind.FiniteHorizon, discount, horizon);
    public static Criterion TotalReward() => new(CriterionKind.TotalReward, 1.0, 0);
    public static Criterion AverageReward() => new(CriterionKind.AverageReward, 1.0, 0);

    public override string ToString() => Kind switch
    {
        CriterionKind.Discounted => $"discounted (gamma = {Discount})",
        CriterionKind.FiniteHorizon => Discount == 1 ? $"finite horizon (H = {Horizon})" : $"finite horizon (H = {Horizon}, gamma = {Discount})",
        CriterionKind.TotalReward => "total reward until terminal",
        _ => "average reward",
    };
}
