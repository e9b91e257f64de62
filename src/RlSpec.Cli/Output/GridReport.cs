using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Output;

/// <summary>
/// <c>solve --grid x,y</c> for a model with two state variables: the values, then the actions, as 2-D
/// tables with the first named variable across (columns) and the second down (rows), both in
/// increasing state order. Finite horizons show step t = 0.
/// </summary>
internal static class GridReport
{
    /// <summary>Which variable goes across and which down, or a message saying why the request does not fit the model.</summary>
    public static (int Across, int Down, string? Problem) Resolve(IMdpHost host, string request)
    {
        var names = Enumerable.Range(0, host.StateVariableCount).Select(host.StateVariableName).ToList();
        var parts = request.Split(',').Select(p => p.Trim()).ToArray();
        if (names.Count != 2)
            return (-1, -1, $"a grid needs a model with two state variables, and {host.Name} has {names.Count}" +
                (names.Count > 0 ? $" ({string.Join(", ", names)})" : "") + "; use --format csv for any number of variables");
        if (parts.Length != 2 || parts[0] == parts[1])
            return (-1, -1, $"name the two state variables, across then down, e.g. --grid {names[0]},{names[1]}");
        int across = names.IndexOf(parts[0]), down = names.IndexOf(parts[1]);
        if (across < 0 || down < 0)
            return (-1, -1, $"{(across < 0 ? parts[0] : parts[1])} is not a state variable of {host.Name}; its state variables are {string.Join(", ", names)}");
        return (across, down, null);
    }

    public static void Write(TextWriter w, MdpSolution s, IMdpHost host, int across, int down)
    {
        var columns = new List<string>();
        var rows = new List<string>();
        var cell = new Dictionary<(string, string), int>();
        for (int state = 0; state < s.Values.Length; state++)
        {
            string c = host.StateVariableValue(state, across), r = host.StateVariableValue(state, down);
            if (!columns.Contains(c)) columns.Add(c);
            if (!rows.Contains(r)) rows.Add(r);
            cell[(c, r)] = state;
        }
        bool finite = s.PolicyByStep is not null;
        string step = finite ? " at t = 0" : "";
        string acrossName = host.StateVariableName(across), downName = host.StateVariableName(down);
        w.WriteLine($"{s.ModelName}: {s.Criterion}");
        w.WriteLine();
        w.WriteLine($"values{step} ({acrossName} across, {downName} down)");
        Table(w, columns, rows, acrossName, downName, (c, r) => cell.TryGetValue((c, r), out int i) ? s.Values[i].ToString("F4", CultureInfo.InvariantCulture) : "");
        w.WriteLine();
        w.WriteLine($"actions{step}");
        Table(w, columns, rows, acrossName, downName, (c, r) => cell.TryGetValue((c, r), out int i) ? s.ActionName(s.Policy[i]) : "");
        w.WriteLine();
        w.WriteLine($"method {s.Method}, {s.Iterations} iterations, certified error bound {s.ErrorBound.ToString("0.00E+00", CultureInfo.InvariantCulture)}, stopped: {JsonReport.StopReasonText(s.StopReason).Replace('_', ' ')}");
        foreach (var warning in s.Warnings) w.WriteLine("warning: " + warning);
    }

    private static void Table(TextWriter w, List<string> columns, List<string> rows, string acrossName, string downName, Func<string, string, string> text)
    {
        var corner = downName + " \\ " + acrossName;
        var body = rows.Select(r => columns.Select(c => text(c, r)).ToArray()).ToArray();
        int first = Math.Max(corner.Length, rows.Count == 0 ? 0 : rows.Max(r => r.Length));
        var widths = columns.Select((c, j) => Math.Max(c.Length, body.Length == 0 ? 0 : body.Max(b => b[j].Length))).ToArray();
        w.WriteLine("  " + corner.PadRight(first) + string.Concat(columns.Select((c, j) => "  " + c.PadLeft(widths[j]))));
        for (int i = 0; i < rows.Count; i++)
            w.WriteLine("  " + rows[i].PadRight(first) + string.Concat(body[i].Select((b, j) => "  " + b.PadLeft(widths[j]))));
    }
}
