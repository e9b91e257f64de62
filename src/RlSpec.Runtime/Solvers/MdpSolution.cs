using System;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// The result of <see cref="MdpSolver"/>: values, a policy, and a certified bound on the error
/// of the values.
/// </summary>
/// <remarks>
/// <see cref="ErrorBound"/> means, per criterion: discounted — ‖Values − V*‖∞ (or ‖Values − V^π‖∞
/// for <see cref="MdpSolver.Evaluate{TModel}"/>), from the MacQueen bracket of the final Bellman
/// residual; finite horizon — a floating-point rounding bound H·(k+2)·ε·max|V| (k = most
/// outcomes of one state-action pair), the recursion itself being exact; total reward —
/// ‖Values − V^π‖∞ for the returned policy π, as (max expected steps to termination under π) ×
/// ‖TV − V‖∞, and +∞ when π is improper or the values diverge; average reward — the half-width
/// of the gain bracket min(TV − V) ≤ g* ≤ max(TV − V), a bound on |Gain − g*|. All bounds hold up
/// to floating-point rounding of the final sweep.
/// </remarks>
public sealed class MdpSolution
{
    private readonly IMdp _model;

    internal MdpSolution(IMdp model) => _model = model;

    /// <summary>The model's name.</summary>
    public required string ModelName { get; init; }

    /// <summary>The algorithm that produced the result, e.g. <c>PolicyIteration</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The criterion solved.</summary>
    public required Criterion Criterion { get; init; }

    /// <summary>Value per state (finite horizon: V at t = 0; average reward: the bias h with h(0) = 0).</summary>
    public required double[] Values { get; init; }

    /// <summary>Finite horizon: ValuesByStep[t][s] for t = 0..H-1; null otherwise.</summary>
    public double[][]? ValuesByStep { get; init; }

    /// <summary>Action index per state (greedy with ties to the lowest index); -1 for terminal states and states without an enabled action.</summary>
    public required int[] Policy { get; init; }

    /// <summary>Finite horizon: the action index PolicyByStep[t, s] of every step (stored compactly); null otherwise.</summary>
    public FiniteHorizonPolicy? PolicyByStep { get; init; }

    /// <summary>Average reward: the optimal gain g (midpoint of the certified bracket); null otherwise.</summary>
    public double? Gain { get; init; }

    /// <summary>Sweeps (value iteration variants), improvement steps (policy iteration) or H (backward induction).</summary>
    public int Iterations { get; init; }

    /// <summary>Certified bound on the error; see the remarks for what it bounds per criterion.</summary>
    public double ErrorBound { get; init; }

    /// <summary>‖TV − V‖∞ of the final sweep (gain-bracket width for average reward; 0 for backward induction).</summary>
    public double Residual { get; init; }

    /// <summary>
    /// Why the solver stopped; anything but <see cref="Solvers.StopReason.Converged"/> comes with a
    /// warning, and the bound it certified is still <see cref="ErrorBound"/>.
    /// </summary>
    public StopReason StopReason { get; init; }

    /// <summary>The tolerance asked for (<see cref="SolverOptions.Tolerance"/>), read as <see cref="ToleranceKind"/> says.</summary>
    public double Tolerance { get; init; }

    /// <summary>Whether <see cref="Tolerance"/> was relative to the span of the values or absolute.</summary>
    public ToleranceKind ToleranceKind { get; init; }

    /// <summary>
    /// The bound the solver aimed at: Tolerance, or Tolerance · max(1, span) when relative, raised to
    /// the rounding floor when that is larger (see <see cref="TargetRaisedToRoundingFloor"/>); 0 for
    /// finite horizon, which is exact.
    /// </summary>
    public double TargetBound { get; init; }

    /// <summary>
    /// True when a relative Tolerance · max(1, span) asked for less than floating point resolves at
    /// the values' scale, so <see cref="TargetBound"/> is the rounding floor: twice the rounding
    /// allowance in <see cref="ErrorBound"/> ((k+2)·ε·max|V| per backup, times 1/(1 − γ) or max τ).
    /// </summary>
    public bool TargetRaisedToRoundingFloor { get; init; }

    /// <summary>Wall-clock seconds spent solving.</summary>
    public double Seconds { get; init; }

    /// <summary>Problems the user should know about (improper policy, divergence, iteration limit, ...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The model's label of <paramref name="state"/>.</summary>
    public string StateLabel(int state) => _model.StateLabel(state);

    /// <summary>The model's name of <paramref name="action"/>; <c>-</c> for -1 (terminal or no action).</summary>
    public string ActionName(int action) => action < 0 ? "-" : _model.ActionName(action);

    /// <summary>The value of the state with this label.</summary>
    /// <exception cref="KeyNotFoundException">No state has that label.</exception>
    public double Value(string stateLabel) => Values[IndexOf(stateLabel)];

    /// <summary>The name of the optimal action (at step 0 for finite horizon) in the state with this label.</summary>
    public string Action(string stateLabel) => ActionName(Policy[IndexOf(stateLabel)]);

    /// <summary>
    /// Index of the state with this label, from the model's <see cref="IMdp.TryParseState"/>: no
    /// table of every label is built, so one lookup on a 10^8-state model costs no extra memory.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No state has that label.</exception>
    public int IndexOf(string stateLabel) =>
        _model.TryParseState(stateLabel, out int i) && (uint)i < (uint)Values.Length
            ? i
            : throw new KeyNotFoundException($"model '{ModelName}' has no state labelled '{stateLabel}'.");
}
