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
    public int[][]? PolicyByStep;
    public double? Gain;
    public int Iterations;
    public double ErrorBound;
    public double Residual;
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
}
