using System;
using RlSpec.Runtime.Dynamics;

namespace RlSpec.Runtime.Optimization.Saddle;

/// <summary>
/// The geometry of one player of a compiled problem for the shared methods (<see cref="IMirrorGeometry"/>): Euclidean —
/// G2's <see cref="EuclideanGeometry{TSet}"/> with the problem's own projection onto the player's domains
/// (<see cref="PlayerProjection{TProblem}"/>); entropic — G2's <see cref="EntropicGeometry"/> on each of the player's
/// variables, all of which must be on the simplex. The dummy max player of a one-player problem is unconstrained.
/// </summary>
public readonly struct PlayerGeometry<TProblem> : IMirrorGeometry where TProblem : struct, IOptimizationProblem
{
    private readonly PlayerLayout _layout;
    private readonly EuclideanGeometry<PlayerProjection<TProblem>> _euclidean;
    private readonly bool _entropic;

    /// <summary>The geometry of the player <paramref name="layout"/> of <paramref name="problem"/>.</summary>
    /// <exception cref="ArgumentException">Entropic, but a variable of the player is not on the simplex.</exception>
    public PlayerGeometry(TProblem problem, PlayerLayout layout, bool entropic)
    {
        if (entropic)
            foreach (var b in layout.Blocks)
                if (b.Domain != VariableDomain.Simplex)
                    throw new ArgumentException($"the entropic (mirror) step needs variables on the simplex, but '{b.Name}' is on the {b.Domain.ToString().ToLowerInvariant()} domain");
        _layout = layout;
        _entropic = entropic && layout.Dimension > 0;
        _euclidean = new EuclideanGeometry<PlayerProjection<TProblem>>(new PlayerProjection<TProblem>(problem, layout));
    }

    /// <inheritdoc/>
    public void Initialize(Span<double> point, Span<double> mirror)
    {
        if (!_entropic) { _euclidean.Initialize(point, mirror); return; }
        for (int b = 0; b < _layout.Blocks.Length; b++)
        {
            var (offset, length) = _layout.Slice(b);
            default(EntropicGeometry).Initialize(point.Slice(offset, length), mirror.Slice(offset, length));
        }
    }

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<double> point, ReadOnlySpan<double> mirror, ReadOnlySpan<double> direction, double scale,
        Span<double> nextPoint, Span<double> nextMirror)
    {
        if (!_entropic) { _euclidean.Step(point, mirror, direction, scale, nextPoint, nextMirror); return; }
        for (int b = 0; b < _layout.Blocks.Length; b++)
        {
            var (o, n) = _layout.Slice(b);
            default(EntropicGeometry).Step(point.Slice(o, n), mirror.Slice(o, n), direction.Slice(o, n), scale, nextPoint.Slice(o, n), nextMirror.Slice(o, n));
        }
    }
}

/// <summary>The problem's Euclidean projection restricted to one player's variables (its <see cref="IOptimizationProblem.Project"/>, blockwise).</summary>
public readonly struct PlayerProjection<TProblem> : IProjection where TProblem : struct, IOptimizationProblem
{
    private readonly TProblem _problem;
    private readonly PlayerLayout _layout;
    private readonly double[] _flat;

    /// <summary>The projection onto the domains of <paramref name="layout"/>'s variables.</summary>
    public PlayerProjection(TProblem problem, PlayerLayout layout)
    {
        _problem = problem;
        _layout = layout;
        _flat = new double[problem.Dimension];
    }

    /// <inheritdoc/>
    public void Project(Span<double> values, Span<double> scratch)
    {
        if (_layout.Dimension == 0) return; // the dummy player: unconstrained
        // The problem projects every variable on its own domain, so the other player's entries of the buffer
        // (whatever they hold) do not affect this player's.
        _layout.Scatter(values, _flat);
        var problem = _problem;
        problem.Project(_flat);
        _layout.Gather(_flat, values);
    }
}
