using System;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// What an experiment records at its checkpoints (the <c>record</c> setting). Names in files and in the
/// language are the snake_case ones of <see cref="StatisticNames"/>.
/// </summary>
public enum Statistic
{
    /// <summary><c>regret</c>: pseudo-regret Σ_s (μ* − μ_{A_s}); adversarial: max_a Σ_s x_s(a) − Σ_s x_s(A_s).</summary>
    Regret,
    /// <summary><c>realized_regret</c>: t·μ* − Σ_s X_s (the rewards actually drawn); adversarial: equal to <see cref="Regret"/>.</summary>
    RealizedRegret,
    /// <summary><c>cumulative_reward</c>: the cumulative reward Σ_s X_s (the language keeps <c>reward</c> for reward functions).</summary>
    Reward,
    /// <summary><c>counts</c>: the number of pulls of each arm (one series per arm).</summary>
    Counts,
    /// <summary><c>best_arm_rate</c>: the fraction of the pulls so far that went to an optimal arm (adversarial: the best arm in hindsight at that checkpoint).</summary>
    BestArmRate,
    /// <summary>
    /// <c>error</c>: at the end only, 1 when the recommended arm is not optimal, else 0; the mean over runs is the
    /// error probability. The recommendation is <see cref="Bandits.IBestArmIdentification.Recommend"/>, or for other
    /// algorithms the most pulled arm (lowest index on ties; Bubeck, Munos and Stoltz 2009, "Pure exploration in
    /// multi-armed bandits problems", recommendation "most played arm").
    /// </summary>
    Error,
    /// <summary><c>suboptimality</c> (policy optimization): V*(ρ) − V^{π_k}(ρ), both exact on the model.</summary>
    Suboptimality,
    /// <summary>
    /// <c>regularized_gap</c> (policy optimization): V*_τ(ρ) − V^{π_k}_τ(ρ) for the entropy-regularized value with the
    /// optimizer's τ (<see cref="Learning.PolicyOptimization.IPolicyOptimizer.Regularization"/>); equal to
    /// <see cref="Suboptimality"/> when τ = 0.
    /// </summary>
    RegularizedGap,
    /// <summary><c>policy_distance</c> (policy optimization): max over states s of ‖π_k(·|s) − π*(·|s)‖₁, π* the planner's optimal deterministic policy.</summary>
    PolicyDistance,

    // ---- games (issue 9, G2): measured by GameDynamicsExperiment on the last and the average iterate ----
    /// <summary>
    /// <c>duality_gap</c>: in game dynamics (zero-sum), max_i (A·y_t)_i − min_j (Aᵀ·x_t)_j of the last iterate; in saddle
    /// problems, max_{y ∈ B} f(x_k, y) − min_{x ∈ B} f(x, y_k), the gap restricted to the declared ball B (radius R around the
    /// saddle point, or 0) for unconstrained variables and to the domain otherwise (Nesterov 2007, "Dual extrapolation": the
    /// plain gap is infinite on an unconstrained bilinear problem). One statistic, the same quantity for both kinds.
    /// </summary>
    DualityGap,
    /// <summary><c>average_duality_gap</c> (game dynamics, zero-sum): the duality gap of the average iterate.</summary>
    AverageDualityGap,
    /// <summary><c>nash_conv</c> (game dynamics): the sum of both players' best-response gains at the last iterate (Lanctot et al. 2017).</summary>
    NashConv,
    /// <summary><c>average_nash_conv</c> (game dynamics): NashConv of the average iterate.</summary>
    AverageNashConv,
    /// <summary><c>equilibrium_distance</c> (game dynamics): ‖(x_t, y_t) − (x*, y*)‖₂ to the equilibrium, when it is shown unique.</summary>
    EquilibriumDistance,
    /// <summary><c>average_equilibrium_distance</c> (game dynamics): the same for the average iterate.</summary>
    AverageEquilibriumDistance,
    // ---- optimization (issue 10, O2): measured by OptimizationExperiment (duality_gap and average_duality_gap above serve saddle problems too) ----
    /// <summary><c>objective</c> (optimization): f(x_k) at the last iterate (a declared regularizer included).</summary>
    Objective,
    /// <summary><c>gradient_norm</c> (optimization): ‖∇f(x_k)‖₂ at the last iterate (all variables; the documented sub-gradient at kinks).</summary>
    GradientNorm,
    /// <summary><c>distance</c> (optimization): ‖x_k − x*‖₂ to the declared optimum (for a saddle problem: to the saddle point (x*, y*)).</summary>
    Distance,
    /// <summary>
    /// <c>online_regret</c> (online problems): Σ_{s ≤ t} f_s(x_s) − min_x Σ_{s ≤ t} f_s(x), the loss against the best fixed point
    /// in hindsight (computed offline to 1e-8 by accelerated projected gradient on the summed losses).
    /// </summary>
    OnlineRegret,
    /// <summary><c>average_objective</c> (optimization): <see cref="Objective"/> at the averaged iterate (x₁ + … + x_k)/k.</summary>
    AverageObjective,
    /// <summary><c>average_distance</c> (optimization): <see cref="Distance"/> of the averaged iterate.</summary>
    AverageDistance,
    /// <summary><c>metrics</c> (optimization): every tracked metric the problem declares, one series each, named by the metric (<see cref="SeriesInfo.Name"/>).</summary>
    Metrics,
    // ---- Markov games (issue 9, G4): measured by GameDynamicsExperiment through MarkovGameMeasure ----
    /// <summary><c>value_error</c> (Markov-game dynamics): max_s |V_t(s) − V*(s)|, the dynamic's value estimate against Shapley's values.</summary>
    ValueError,
    /// <summary>
    /// <c>qre_distance</c> (regularized Markov-game dynamics): the distance to the quantal response equilibrium of the dynamic's
    /// temperature τ (computed by regularized Shapley iteration): max(‖(x_t, y_t) − (x*_τ, y*_τ)‖₂, max_s |V_t(s) − V*_τ(s)|).
    /// </summary>
    QreDistance,
    // ---- entropic optimal transport (issue 10, O7): measured by TransportExperiment on Sinkhorn's plan ----
    /// <summary><c>marginal_error</c> (transport): the row-marginal error ‖P1 − a‖₁ of Sinkhorn's plan (its column sums are exact after a step).</summary>
    MarginalError,
    /// <summary><c>transport_cost</c> (transport): the transport cost ⟨C, P⟩ of Sinkhorn's plan.</summary>
    TransportCost,
}

/// <summary>The file and language names of <see cref="Statistic"/> values.</summary>
public static class StatisticNames
{
    private static readonly string[] Names = ["regret", "realized_regret", "cumulative_reward", "counts", "best_arm_rate", "error", "suboptimality", "regularized_gap", "policy_distance",
        "duality_gap", "average_duality_gap", "nash_conv", "average_nash_conv", "equilibrium_distance", "average_equilibrium_distance",
        "objective", "gradient_norm", "distance", "online_regret", "average_objective", "average_distance", "metrics",
        "value_error", "qre_distance", "marginal_error", "transport_cost"];

    /// <summary>The snake_case name, e.g. <c>realized_regret</c>.</summary>
    public static string Name(this Statistic statistic) => Names[(int)statistic];

    /// <summary>The statistic with this snake_case name, if any.</summary>
    public static bool TryParse(string name, out Statistic statistic)
    {
        int i = Array.IndexOf(Names, name);
        statistic = i < 0 ? default : (Statistic)i;
        return i >= 0;
    }

    /// <summary>Every name, in enum order (for messages listing the known statistics).</summary>
    public static System.Collections.Generic.IReadOnlyList<string> All => Names;
}
