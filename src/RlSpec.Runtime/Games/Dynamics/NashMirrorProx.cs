using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.Preference;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Nash mirror prox (Tiapkin et al., "Accelerating Nash learning from human feedback via mirror prox", arXiv
/// 2505.19731, 2025): mirror prox on the β-regularized preference game in self-play,
/// π_{t+½} = argmax_π η[P(π ≻ π_t) − β KL(π ‖ μ)] − KL(π ‖ π_t) and
/// π_{t+1} = argmax_π η[P(π ≻ π_{t+½}) − β KL(π ‖ μ)] − KL(π ‖ π_t); each in closed form
/// log π′ = (log π_t + ηβ log μ + η P·π_ref)/(1 + ηβ) − log Z, one shared <see cref="EntropyMirrorStep"/> with
/// keep = 1/(1 + ηβ). Its last iterate converges linearly to π*_β (KL contracts by about 1/(1 + ηβ) per step for
/// η ≤ 1, the Lipschitz constant of P in the ℓ1/ℓ∞ norms; their rate (1 + 2β)^(−N/2) in N preference queries).
/// From π_0 = μ. Compiler name <c>nash_mirror_prox</c>.
/// </summary>
public sealed class NashMirrorProx : PreferenceDynamics
{
    private readonly double _eta;
    private readonly double[] _leadLogits, _lead;

    /// <summary>Nash mirror prox on <paramref name="game"/> with step <paramref name="eta"/> &gt; 0.</summary>
    public NashMirrorProx(PreferenceGame game, double eta) : base(game, "nash_mirror_prox")
    {
        if (!(eta > 0) || double.IsInfinity(eta)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "nash_mirror_prox: the step size must be positive and finite");
        _eta = eta;
        _leadLogits = new double[Actions]; _lead = new double[Actions];
        Reset();
    }

    /// <inheritdoc/>
    protected override void Advance(long t)
    {
        double keep = 1 / (1 + _eta * Beta), scale = _eta * keep;
        Respond(Policy);
        Combine();
        Logits.CopyTo(_leadLogits, 0);
        EntropyMirrorStep.Step(_leadLogits, Direction, keep, scale, _lead);
        Respond(_lead);
        Combine();
        EntropyMirrorStep.Step(Logits, Direction, keep, scale, Policy);
    }

    /// <summary>Direction = β log μ + P·π_ref (Response).</summary>
    private void Combine()
    {
        for (int a = 0; a < Actions; a++) Direction[a] = Beta * LogReference[a] + Response[a];
    }
}
