using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.Preference;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// What the self-play dynamics of a regularized preference game share: one policy π (the game is symmetric,
/// so both players play it: <see cref="IGameDynamics.Row"/> = <see cref="IGameDynamics.Column"/>), its logits,
/// the row-major preference matrix P, log μ and the uniform average of the iterates. The target is the
/// β-regularized equilibrium π*_β ∝ μ ∘ exp(P·π*_β / β), β the game's temperature (Munos et al. 2024, §5).
/// </summary>
public abstract class PreferenceDynamics : IGameDynamics
{
    /// <summary>P row-major, n×n.</summary>
    protected readonly double[] PreferenceMatrix;
    /// <summary>log μ.</summary>
    protected readonly double[] LogReference;
    /// <summary>The policy π_t and its logits.</summary>
    protected readonly double[] Policy, Logits;
    /// <summary>Scratch: P·π of the point the step responds to, and a combined direction.</summary>
    protected readonly double[] Response, Direction;
    private readonly double[] _average, _start;

    /// <summary>Dynamics on <paramref name="game"/> (temperature β &gt; 0 required).</summary>
    protected PreferenceDynamics(PreferenceGame game, string name)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!(game.Temperature > 0)) throw new ArgumentException($"{name} needs a regularized preference game (temperature > 0)", nameof(game));
        int n = Actions = game.Actions;
        Beta = game.Temperature;
        PreferenceMatrix = new double[n * n];
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) PreferenceMatrix[a * n + b] = game.Preference(a, b);
        LogReference = new double[n];
        EntropyMirrorStep.Logits(game.Reference, LogReference);
        Policy = new double[n]; Logits = new double[n]; Response = new double[n]; Direction = new double[n];
        _average = new double[n];
        _start = game.Reference.ToArray(); // start at the reference policy μ
    }

    /// <summary>The number of actions n.</summary>
    public int Actions { get; }

    /// <summary>The regularization temperature β.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    public long Iteration { get; private set; }

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row => Policy;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Column => Policy;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageRow => _average;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageColumn => _average;

    /// <inheritdoc/>
    public void Reset()
    {
        _start.CopyTo(Policy, 0);
        _start.CopyTo(_average, 0);
        EntropyMirrorStep.Logits(Policy, Logits);
        Iteration = 0;
    }

    /// <inheritdoc/>
    public void Step(ref RandomStream random)
    {
        Iteration++;
        Advance(Iteration);
        double w = 1.0 / Iteration;
        for (int a = 0; a < Policy.Length; a++) _average[a] += w * (Policy[a] - _average[a]);
    }

    /// <summary>The method's update of <see cref="Policy"/> and <see cref="Logits"/> at iteration t (1-based).</summary>
    protected abstract void Advance(long t);

    /// <summary>Response = P·π for a policy π.</summary>
    protected void Respond(ReadOnlySpan<double> policy) => MatrixProducts.Multiply(PreferenceMatrix, Actions, Actions, policy, Response);
}
