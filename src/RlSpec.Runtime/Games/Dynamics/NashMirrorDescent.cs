using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.Preference;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Nash-MD (Munos et al., "Nash learning from human feedback", ICML 2024, §6): with the geometric mixture
/// π_t^μ ∝ π_t^{1−η_t β} μ^{η_t β}, the step π_{t+1} = argmax_π η_t P(π ≻ π_t^μ) − KL(π ‖ π_t^μ), i.e.
/// π_{t+1} ∝ π_t^μ ∘ exp(η_t P·π_t^μ): two shared <see cref="EntropyMirrorStep"/>s (keep 1 − η_t β toward log μ, then
/// the payoff step). Their Theorem 1: KL(π*_β ‖ π_{t+1}) ≤ (1 − η_t β) KL(π*_β ‖ π_t) + 2η_t², so a constant η
/// reaches an O(η/β) neighbourhood of π*_β and η_t = 2/(β(t + 2)) converges at KL ≤ 8/(β²(t + 1)).
/// <c>eta</c> &gt; 0 is constant (η β ≤ 1); <c>eta</c> = 0 selects that decreasing schedule. From π_0 = μ.
/// Compiler name <c>nash_md</c>.
/// </summary>
public sealed class NashMirrorDescent : PreferenceDynamics
{
    private readonly double _eta;

    /// <summary>Nash-MD on <paramref name="game"/> with step <paramref name="eta"/> (0: the schedule 2/(β(t+2))).</summary>
    public NashMirrorDescent(PreferenceGame game, double eta) : base(game, "nash_md")
    {
        if (!(eta >= 0) || double.IsInfinity(eta)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "nash_md: the step size must be positive (or 0 for the decreasing schedule)");
        if (eta * game.Temperature > 1) throw new ArgumentOutOfRangeException(nameof(eta), eta, $"nash_md: the step size times the temperature must be at most 1 (η ≤ {1 / game.Temperature})");
        _eta = eta;
        Reset();
    }

    /// <summary>The step η_t at iteration t.</summary>
    public double StepSize(long t) => _eta > 0 ? _eta : 2 / (Beta * (t + 2));

    /// <inheritdoc/>
    protected override void Advance(long t)
    {
        double eta = StepSize(t);
        // π_t^μ: logits ← (1 − ηβ)·logits + ηβ·log μ
        EntropyMirrorStep.Step(Logits, LogReference, 1 - eta * Beta, eta * Beta, Policy);
        Respond(Policy);
        EntropyMirrorStep.Step(Logits, Response, 1, eta, Policy);
    }
}
