using System;

namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// The geometry of a first-order step: its prox map next = argmin_u { −scale·⟨direction, u⟩ + D(u, point) }
/// over the player's set, for a Bregman divergence D (Nemirovski and Yudin 1983; Beck and Teboulle 2003).
/// A point is kept together with its mirror coordinates, which the geometry owns (the entropic geometry
/// keeps the logits there so that it never takes the log of an underflowed probability; the Euclidean one
/// uses them as scratch). Descent on a gradient g is scale = −η, ascent scale = +η.
/// A struct, so the saddle-point methods specialize on it. Allocates nothing.
/// </summary>
public interface IMirrorGeometry
{
    /// <summary>Makes <paramref name="point"/> feasible (projects it) and writes its mirror coordinates (same length).</summary>
    void Initialize(Span<double> point, Span<double> mirror);

    /// <summary>
    /// The prox step from (point, mirror) along scale·direction, written to (nextPoint, nextMirror), which
    /// may be the same spans as (point, mirror) for an in-place step. All spans have the same length.
    /// </summary>
    void Step(ReadOnlySpan<double> point, ReadOnlySpan<double> mirror, ReadOnlySpan<double> direction, double scale,
        Span<double> nextPoint, Span<double> nextMirror);
}

/// <summary>
/// The Euclidean geometry on a set: next = Π_set(point + scale·direction) (projected gradient steps; with
/// <see cref="Unconstrained"/>, plain gradient steps).
/// </summary>
public readonly struct EuclideanGeometry<TSet>(TSet set) : IMirrorGeometry where TSet : struct, IProjection
{
    /// <summary>The set projected onto.</summary>
    public TSet Set { get; } = set;

    /// <inheritdoc/>
    public void Initialize(Span<double> point, Span<double> mirror) => Set.Project(point, mirror);

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<double> point, ReadOnlySpan<double> mirror, ReadOnlySpan<double> direction, double scale,
        Span<double> nextPoint, Span<double> nextMirror)
    {
        for (int i = 0; i < nextPoint.Length; i++) nextPoint[i] = point[i] + scale * direction[i];
        Set.Project(nextPoint, nextMirror);
    }
}

/// <summary>
/// The entropic geometry on the probability simplex (D = KL): next ∝ point ∘ exp(scale·direction), the
/// shared <see cref="EntropyMirrorStep"/> on the logits kept as mirror coordinates. A starting point must
/// have every entry positive for every entry to stay reachable (zeros stay 0).
/// </summary>
public readonly struct EntropicGeometry : IMirrorGeometry
{
    /// <inheritdoc/>
    public void Initialize(Span<double> point, Span<double> mirror)
    {
        double sum = 0;
        foreach (double v in point)
        {
            if (!(v >= 0)) throw new ArgumentException("a point of the simplex has no negative entries", nameof(point));
            sum += v;
        }
        if (!(sum > 0)) throw new ArgumentException("a point of the simplex has a positive entry", nameof(point));
        EntropyMirrorStep.Logits(point, mirror);
        EntropyMirrorStep.Normalize(mirror, point);
    }

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<double> point, ReadOnlySpan<double> mirror, ReadOnlySpan<double> direction, double scale,
        Span<double> nextPoint, Span<double> nextMirror)
    {
        mirror.CopyTo(nextMirror);
        EntropyMirrorStep.Step(nextMirror, direction, 1, scale, nextPoint);
    }
}
