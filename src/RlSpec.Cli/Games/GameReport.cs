using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RlSpec.Runtime.Games;

namespace RlSpec.Cli.Games;

/// <summary>
/// Writes a <see cref="GameSolution"/> as text (one block per solver) or as one JSON object (docs/games.md documents the
/// fields: snake_case, stable, numbers round-trip).
/// </summary>
internal static class GameReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private static string N(double v) => Math.Abs(v) < 5e-13 ? "0" : v.ToString("G10", C);

    private static string FormWord(GameModel g) => g.Form switch
    {
        GameForm.ZeroSum => "a two-player zero-sum game",
        GameForm.Bimatrix => "a two-player general-sum game",
        GameForm.Symmetric => "a symmetric two-player game",
        GameForm.NPlayer => $"a {g.Players.Count}-player game",
        GameForm.Preference => "a preference game",
        GameForm.Congestion => "a congestion game",
        _ => "a two-player zero-sum Markov game",
    };

    private static string Strategy(double[] p, IReadOnlyList<string> names)
    {
        var parts = new List<string>();
        for (int a = 0; a < p.Length; a++)
            if (Math.Abs(p[a]) >= 5e-13) parts.Add($"{names[a]} {N(p[a])}");
        return parts.Count == 0 ? "(none)" : string.Join(", ", parts);
    }

    public static void WriteText(TextWriter w, GameSolution solution)
    {
        var g = solution.Game;
        var sizes = string.Join(" x ", g.Actions.Select(a => a.Count.ToString(C)));
        w.WriteLine($"{g.Name}: {FormWord(g)}, players {string.Join(", ", g.Players)} ({sizes} {(g.Form == GameForm.Congestion ? "strategies" : "actions")}{(g.Form == GameForm.Markov ? $", {g.States.Count} states" : "")}).");
        if (g.Temperature > 0) w.WriteLine($"Regularization temperature: {N(g.Temperature)}.");
        w.WriteLine($"Every equilibrium below passed a best-response check: no player gains more than {GameSolution.Tolerance:G2} of the payoff range by deviating.");
        foreach (var s in solution.Sections)
        {
            w.WriteLine();
            w.WriteLine($"{s.Title} [{s.Method}]");
            if (s.Value is { } v) w.WriteLine($"  value: {N(v)}");
            if (s.StateValues is { } values)
            {
                for (int st = 0; st < values.Length; st++)
                {
                    var p = s.StateProfiles![st];
                    w.WriteLine($"  {g.States[st]}: value {N(values[st])}; {g.Players[0]}: {Strategy(p.Strategies[0], g.Actions[0])}; {g.Players[1]}: {Strategy(p.Strategies[1], g.Actions[1])}");
                }
            }
            if (s.Profiles.Count == 0 && s.Joint is null && s.StateValues is null) w.WriteLine("  (none)");
            int k = 0;
            foreach (var p in s.Profiles)
            {
                k++;
                string prefix = s.Profiles.Count > 1 ? $"  {k}. " : "  ";
                w.WriteLine(prefix + string.Join("; ", g.Players.Select((name, i) => $"{name}: {Strategy(p.Strategies[i], g.Actions[i])}")));
                w.WriteLine(new string(' ', prefix.Length) + "payoffs " + string.Join(", ", p.Payoffs.Select(N)) + $" (largest deviation gain {p.MaxGain:G3})");
            }
            if (s.Joint is { } j)
            {
                var actions = new int[j.Sizes.Length];
                for (int k0 = 0; k0 < j.Distribution.Length; k0++)
                {
                    // the joint index is row-major, the first player most significant
                    for (int p = j.Sizes.Length - 1, rest = k0; p >= 0; p--) { actions[p] = rest % j.Sizes[p]; rest /= j.Sizes[p]; }
                    if (j.Distribution[k0] >= 5e-13)
                        w.WriteLine($"  ({string.Join(", ", actions.Select((a, p) => g.Actions[p][a]))}): {N(j.Distribution[k0])}");
                }
                w.WriteLine($"  payoffs {string.Join(", ", j.Payoffs.Select(N))} (largest incentive violation {j.MaxViolation:G3})");
            }
            if (s.Complete is { } complete && s.Profiles.Count > 0)
                w.WriteLine(complete ? $"  ({s.Profiles.Count} in all: the list is complete)" : "  (not necessarily all)");
            foreach (var (key, value) in s.Numbers) w.WriteLine($"  {key.Replace('_', ' ')}: {N(value)}");
            foreach (var note in s.Notes) w.WriteLine("  " + note);
        }
    }

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) { if (double.IsFinite(v)) w.WriteNumberValue(v); else w.WriteNullValue(); }
        w.WriteEndArray();
    }

    private static void Profile(Utf8JsonWriter w, GameProfile p)
    {
        w.WriteStartObject();
        w.WriteStartArray("strategies");
        foreach (var s in p.Strategies) { w.WriteStartArray(); foreach (var x in s) w.WriteNumberValue(x); w.WriteEndArray(); }
        w.WriteEndArray();
        Numbers(w, "payoffs", p.Payoffs);
        Number(w, "max_deviation_gain", p.MaxGain);
        w.WriteEndObject();
    }

    /// <summary>The block of a row-major tensor starting at <paramref name="offset"/> as nested arrays, one level per player from <paramref name="player"/> on.</summary>
    private static void NestedArrays(Utf8JsonWriter w, int[] sizes, int player, double[] values, int offset)
    {
        int block = 1;
        for (int p = player + 1; p < sizes.Length; p++) block *= sizes[p];
        w.WriteStartArray();
        for (int a = 0; a < sizes[player]; a++)
        {
            if (player == sizes.Length - 1) w.WriteNumberValue(values[offset + a]);
            else NestedArrays(w, sizes, player + 1, values, offset + a * block);
        }
        w.WriteEndArray();
    }

    public static void WriteJson(TextWriter output, GameSolution solution)
    {
        var g = solution.Game;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("tool_version", RlSpec.Cli.Output.RunInfo.ToolVersion);
            w.WriteString("game", g.Name);
            w.WriteString("form", g.Form switch
            {
                GameForm.ZeroSum => "zero_sum", GameForm.Bimatrix => "bimatrix", GameForm.Symmetric => "symmetric", GameForm.NPlayer => "n_player",
                GameForm.Preference => "preference", GameForm.Congestion => "congestion", _ => "markov",
            });
            w.WriteStartArray("players");
            for (int p = 0; p < g.Players.Count; p++)
            {
                w.WriteStartObject();
                w.WriteString("name", g.Players[p]);
                w.WriteStartArray("actions");
                foreach (var a in g.Actions[p]) w.WriteStringValue(a);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (g.Form == GameForm.Markov)
            {
                w.WriteStartArray("states");
                foreach (var s in g.States) w.WriteStringValue(s);
                w.WriteEndArray();
            }
            Number(w, "temperature", g.Temperature);
            Number(w, "verification_tolerance", GameSolution.Tolerance);
            foreach (var s in solution.Sections)
            {
                w.WriteStartObject(s.Key);
                w.WriteString("method", s.Method);
                if (s.Value is { } v) Number(w, "value", v);
                if (s.Complete is { } c) w.WriteBoolean("complete", c);
                if (s.StateValues is { } values)
                {
                    Numbers(w, "state_values", values);
                    w.WriteStartArray("state_strategies");
                    foreach (var p in s.StateProfiles!) Profile(w, p);
                    w.WriteEndArray();
                }
                if (s.Joint is { } j)
                {
                    w.WritePropertyName("distribution");
                    NestedArrays(w, j.Sizes, 0, j.Distribution, 0);
                    Numbers(w, "payoffs", j.Payoffs);
                    Number(w, "max_incentive_violation", j.MaxViolation);
                }
                else if (s.StateValues is null)
                {
                    w.WriteStartArray("equilibria");
                    foreach (var p in s.Profiles) Profile(w, p);
                    w.WriteEndArray();
                }
                foreach (var (key, value) in s.Numbers) Number(w, key, value);
                if (s.Notes.Count > 0)
                {
                    w.WriteStartArray("notes");
                    foreach (var n in s.Notes) w.WriteStringValue(n);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }
}
