using System;
using System.Collections.Generic;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// The steps at which an experiment records its statistics (<c>every = N</c> or <c>log_points = N</c>).
/// The horizon is always the last checkpoint.
/// </summary>
public sealed class Checkpoints : IEquatable<Checkpoints>
{
    private Checkpoints(bool logarithmic, long value)
    {
        IsLogarithmic = logarithmic;
        Value = value;
    }

    /// <summary>True for <see cref="Logarithmic"/>, false for <see cref="Linear"/>.</summary>
    public bool IsLogarithmic { get; }

    /// <summary>The step distance of linear checkpoints, or the number of logarithmic ones.</summary>
    public long Value { get; }

    /// <summary>Every <paramref name="every"/> steps: every, 2·every, ..., and the horizon.</summary>
    public static Checkpoints Linear(long every)
    {
        if (every <= 0) throw new ArgumentOutOfRangeException(nameof(every), every, "checkpoints need a positive step distance");
        return new Checkpoints(false, every);
    }

    /// <summary>
    /// About <paramref name="count"/> steps evenly spaced in log t from 1 to the horizon T:
    /// round(T^(i/(count−1))) for i = 0..count−1, duplicates removed (so fewer for small T).
    /// </summary>
    public static Checkpoints Logarithmic(int count)
    {
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "logarithmic checkpoints need at least 2 points");
        return new Checkpoints(true, count);
    }

    /// <summary>The checkpoint steps for a horizon: strictly increasing, 1-based, the last is <paramref name="horizon"/>.</summary>
    public long[] Steps(long horizon)
    {
        if (horizon <= 0) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "the horizon must be positive");
        var steps = new List<long>();
        if (!IsLogarithmic)
        {
            for (long t = Value; t < horizon; t += Value) steps.Add(t);
        }
        else
        {
            double logT = Math.Log(horizon);
            for (long i = 0; i < Value - 1; i++)
            {
                long t = (long)Math.Round(Math.Exp(logT * i / (Value - 1)));
                t = Math.Clamp(t, 1, horizon);
                if (t < horizon && (steps.Count == 0 || steps[^1] < t)) steps.Add(t);
            }
        }
        steps.Add(horizon);
        return steps.ToArray();
    }

    /// <summary>As written in the language and in files: <c>every=100</c> or <c>log_points=50</c>.</summary>
    public override string ToString() => (IsLogarithmic ? "log_points=" : "every=") + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(Checkpoints? other) => other is not null && other.IsLogarithmic == IsLogarithmic && other.Value == Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Checkpoints);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsLogarithmic, Value);
}
