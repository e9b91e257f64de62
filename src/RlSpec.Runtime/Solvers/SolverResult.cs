using System;
using System.Collections.Generic;
using System.Globalization;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>What an algorithm hands back to <see cref="MdpSolver"/>, which adds names and timing.</summary>
internal sealed class SolverResult
{
    public double[] Values = [];
    public int[] Policy = [];
    public double[][]? ValuesByStep;
    public FiniteHorizonPolicy? PolicyByStep;
    public double? Gain;
    public int Iterations;
    public double ErrorBound;
    public double Residual;
    public StopReason StopReason;
    /// <summary>The rounding allowance included in <see cref="ErrorBound"/>.</summary>
    public double RoundingAllowance;
    /// <summary>The rounding floor the solver's own stopping check used (0 if none).</summary>
    public double TargetFloor;
    /// <summary>The least a relative target may ask: twice the rounding allowance (or the floor the solver stopped against, if larger).</summary>
    public double RoundingFloor => Math.Max(2 * RoundingAllowance, TargetFloor);
    public readonly List<string> Warnings = [];

    /// <summary>Formats up to five state labels, e.g. <c>(x=1), (x=2) and 3 more</c>.</summary>
    public static string Name<TModel>(ref TModel model, IReadOnlyList<int> states) where TModel : struct, IMdp
    {
        var parts = new List<string>();
        for (int i = 0; i < states.Count && i < 5; i++) parts.Add(model.StateLabel(states[i]));
        string list = string.Join(", ", parts);
        return states.Count > 5 ? list + " and " + (states.Count - 5).ToString(CultureInfo.InvariantCulture) + " more" : list;
    }

    public static string Format(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Stops the solve when a sweep produced NaN or ±∞ (checked once per sweep on its residual range,
    /// never per state): names the first such state and says what to change.
    /// </summary>
    public static MdpSolverException NonFinite<TModel>(ref TModel model, ReadOnlySpan<double> values, int iteration) where TModel : struct, IMdp
    {
        int first = -1;
        for (int s = 0; s < values.Length && first < 0; s++) if (!double.IsFinite(values[s])) first = s;
        string where = first >= 0 ? $"; the first is {model.StateLabel(first)} = {values[first].ToString(CultureInfo.InvariantCulture)}" : "";
        return new MdpSolverException(SolverErrorIds.NonFiniteValues,
            $"the values became NaN or infinite in sweep {iteration.ToString(CultureInfo.InvariantCulture)}{where}. Values beyond ±1.8e308 cannot be represented: " +
            "scale the rewards down (e.g. measure them in thousands), lower the discount, or fix a reward or probability that is NaN or infinite (run the validator).");
    }
}
