using System;

namespace RlSpec.Runtime.Optimization.Schedules;

/// <summary>The shape of a step-size schedule η_k (k = 1, 2, ... the iteration, T the planned iterations).</summary>
public enum ScheduleKind
{
    /// <summary><c>constant</c>: η_k = η.</summary>
    Constant,
    /// <summary><c>inverse_sqrt</c>: η_k = η / √k (online gradient descent; Zinkevich 2003).</summary>
    InverseSqrt,
    /// <summary><c>linear</c>: η_k = η (1 − (k − 1)/T), decaying linearly to η/T at the last iteration.</summary>
    Linear,
    /// <summary><c>cosine</c>: η_k = η (1 + cos(π (k − 1)/T)) / 2 (Loshchilov and Hutter 2017, without restarts).</summary>
    Cosine,
    /// <summary><c>geometric</c>: η_k = η ρ^(k − 1), 0 &lt; ρ ≤ 1 (the sub-gradient method's decay for sharp problems; Goffin 1977).</summary>
    Geometric,
}

/// <summary>
/// A step-size schedule: the kind, the initial step η and for <see cref="ScheduleKind.Geometric"/> the ratio ρ.
/// A value type evaluated in the methods' hot loop (<see cref="At"/> allocates nothing).
/// </summary>
public readonly record struct StepSchedule(ScheduleKind Kind, double Initial, double Ratio = 1)
{
    /// <summary>η_k = η.</summary>
    public static StepSchedule Constant(double step) => new(ScheduleKind.Constant, step);

    /// <summary>η_k = η/√k.</summary>
    public static StepSchedule InverseSqrt(double step) => new(ScheduleKind.InverseSqrt, step);

    /// <summary>η_k = η (1 − (k − 1)/T).</summary>
    public static StepSchedule Linear(double step) => new(ScheduleKind.Linear, step);

    /// <summary>η_k = η (1 + cos(π (k − 1)/T))/2.</summary>
    public static StepSchedule Cosine(double step) => new(ScheduleKind.Cosine, step);

    /// <summary>η_k = η ρ^(k − 1).</summary>
    public static StepSchedule Geometric(double step, double ratio) => new(ScheduleKind.Geometric, step, ratio);

    /// <summary>Throws when the step is not positive and finite or the geometric ratio is not in (0, 1].</summary>
    public void Validate()
    {
        if (!(Initial > 0) || double.IsInfinity(Initial)) throw new ArgumentException($"the step size must be positive and finite, not {Initial}");
        if (Kind == ScheduleKind.Geometric && !(Ratio > 0 && Ratio <= 1)) throw new ArgumentException($"the geometric ratio must be in (0, 1], not {Ratio}");
    }

    /// <summary>The step η_k of iteration <paramref name="k"/> (1-based) of <paramref name="iterations"/>.</summary>
    public double At(long k, long iterations) => Kind switch
    {
        ScheduleKind.Constant => Initial,
        ScheduleKind.InverseSqrt => Initial / Math.Sqrt(k),
        ScheduleKind.Linear => Initial * (1 - (double)(k - 1) / Math.Max(1, iterations)),
        ScheduleKind.Cosine => Initial * 0.5 * (1 + Math.Cos(Math.PI * (k - 1) / Math.Max(1, iterations))),
        _ => Initial * Math.Pow(Ratio, k - 1),
    };
}
