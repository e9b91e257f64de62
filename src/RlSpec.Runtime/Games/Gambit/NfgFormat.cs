using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using RlSpec.Runtime.Games.NPlayer;

namespace RlSpec.Runtime.Games.Gambit;

/// <summary>A strategic game read from (or to be written to) a Gambit .nfg file: title, player and strategy names, payoffs.</summary>
public sealed record NfgGame(string Title, IReadOnlyList<string> Players, IReadOnlyList<IReadOnlyList<string>> Strategies, NormalFormGame Game);

/// <summary>A malformed .nfg file, with the line and column of the offending token.</summary>
public sealed class NfgFormatException(string message, int line, int column) : Exception(message)
{
    /// <summary>1-based line of the problem.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; } = column;
}

/// <summary>
/// Gambit's strategic-form file format (.nfg, version 1), as documented in the Gambit manual ("Game representation
/// formats": the payoff version and the outcome version). The prologue is <c>NFG 1 R "title" { "P1" "P2" ... }</c>
/// followed by the strategies, either as counts <c>{ 3 2 }</c> or as name lists <c>{ { "a" "b" } { "c" "d" } }</c>,
/// and an optional comment string. The payoff version then lists, for every pure profile with the FIRST player's
/// strategy changing fastest, each player's payoff; the outcome version lists outcomes <c>{ "name" u1, u2 }</c> in
/// braces and then one outcome number per profile (same order; 0 is the null outcome, all payoffs 0).
/// Numbers may be integers, decimals (with exponent) or rationals p/q.
/// </summary>
public static class NfgFormat
{
    private enum Kind { Word, Text, Number, Open, Close, End }

    private readonly record struct Token(Kind Kind, string Text, int Line, int Column);

    private sealed class Lexer
    {
        private readonly string _s;
        private int _i, _line = 1, _col = 1;

        public Lexer(string s) { _s = s; }

        private void Advance()
        {
            if (_s[_i] == '\n') { _line++; _col = 1; } else _col++;
            _i++;
        }

        public Token Next()
        {
            while (_i < _s.Length && (char.IsWhiteSpace(_s[_i]) || _s[_i] == ',')) Advance();
            if (_i >= _s.Length) return new Token(Kind.End, "", _line, _col);
            int line = _line, col = _col;
            char c = _s[_i];
            if (c == '{') { Advance(); return new Token(Kind.Open, "{", line, col); }
            if (c == '}') { Advance(); return new Token(Kind.Close, "}", line, col); }
            if (c == '"')
            {
                Advance();
                var sb = new StringBuilder();
                while (true)
                {
                    if (_i >= _s.Length) throw new NfgFormatException("a text label is not closed with \"", line, col);
                    char d = _s[_i];
                    if (d == '\\' && _i + 1 < _s.Length && _s[_i + 1] == '"') { Advance(); Advance(); sb.Append('"'); continue; }
                    if (d == '"') { Advance(); break; }
                    sb.Append(d);
                    Advance();
                }
                return new Token(Kind.Text, sb.ToString(), line, col);
            }
            int start = _i;
            while (_i < _s.Length && !char.IsWhiteSpace(_s[_i]) && _s[_i] is not ('{' or '}' or '"' or ',')) Advance();
            var word = _s.Substring(start, _i - start);
            bool number = word.Length > 0 && (char.IsDigit(word[0]) || word[0] is '-' or '+' or '.');
            return new Token(number ? Kind.Number : Kind.Word, word, line, col);
        }
    }

    private static double Number(Token t)
    {
        if (t.Kind != Kind.Number) throw new NfgFormatException($"expected a number, found '{t.Text}'", t.Line, t.Column);
        int slash = t.Text.IndexOf('/');
        if (slash > 0)
        {
            if (double.TryParse(t.Text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out double p)
                && double.TryParse(t.Text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double q) && q != 0)
                return p / q;
        }
        else if (double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw new NfgFormatException($"'{t.Text}' is not a number", t.Line, t.Column);
    }

    private static Token Expect(Lexer lexer, Kind kind, string what)
    {
        var t = lexer.Next();
        if (t.Kind != kind) throw new NfgFormatException($"expected {what}, found {(t.Kind == Kind.End ? "the end of the file" : "'" + t.Text + "'")}", t.Line, t.Column);
        return t;
    }

    /// <summary>Reads a strategic game in either version of the format.</summary>
    public static NfgGame Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexer = new Lexer(text);
        var head = Expect(lexer, Kind.Word, "NFG");
        if (head.Text != "NFG") throw new NfgFormatException($"a strategic game file starts with NFG, not '{head.Text}' (.efg extensive games are not read)", head.Line, head.Column);
        var version = Expect(lexer, Kind.Number, "the version 1");
        if (version.Text != "1") throw new NfgFormatException($"only version 1 files exist; this says {version.Text}", version.Line, version.Column);
        var r = Expect(lexer, Kind.Word, "R");
        if (r.Text is not ("R" or "D")) throw new NfgFormatException($"expected R, found '{r.Text}'", r.Line, r.Column);
        string title = Expect(lexer, Kind.Text, "the title in double quotes").Text;
        Expect(lexer, Kind.Open, "{ before the player names");
        var players = new List<string>();
        Token t;
        while ((t = lexer.Next()).Kind == Kind.Text) players.Add(t.Text);
        if (t.Kind != Kind.Close) throw new NfgFormatException("expected a player name in double quotes or }", t.Line, t.Column);
        if (players.Count == 0) throw new NfgFormatException("the game has no players", t.Line, t.Column);
        // Strategies: counts { 3 2 } or names { { "a" "b" } { "c" } }.
        var open = Expect(lexer, Kind.Open, "{ before the strategies");
        var strategies = new List<IReadOnlyList<string>>();
        t = lexer.Next();
        if (t.Kind == Kind.Number)
        {
            while (t.Kind == Kind.Number)
            {
                if (!int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k < 1)
                    throw new NfgFormatException($"a number of strategies must be a positive integer, not '{t.Text}'", t.Line, t.Column);
                strategies.Add(Enumerable.Range(1, k).Select(x => x.ToString(CultureInfo.InvariantCulture)).ToList());
                t = lexer.Next();
            }
        }
        else
        {
            while (t.Kind == Kind.Open)
            {
                var names = new List<string>();
                Token s;
                while ((s = lexer.Next()).Kind == Kind.Text) names.Add(s.Text);
                if (s.Kind != Kind.Close) throw new NfgFormatException("expected a strategy name in double quotes or }", s.Line, s.Column);
                if (names.Count == 0) throw new NfgFormatException("a player has no strategies", s.Line, s.Column);
                strategies.Add(names);
                t = lexer.Next();
            }
        }
        if (t.Kind != Kind.Close) throw new NfgFormatException("expected } after the strategies", t.Line, t.Column);
        if (strategies.Count != players.Count)
            throw new NfgFormatException($"{strategies.Count} strategy lists for {players.Count} players", open.Line, open.Column);
        var counts = strategies.Select(s => s.Count).ToArray();
        long profiles = 1;
        foreach (int k in counts) { profiles *= k; if (profiles > 50_000_000) throw new NfgFormatException("the game has more than 50,000,000 pure profiles", open.Line, open.Column); }
        int n = players.Count;
        var payoffs = new double[n][];
        for (int p = 0; p < n; p++) payoffs[p] = new double[profiles];
        t = lexer.Next();
        if (t.Kind == Kind.Text) t = lexer.Next(); // the optional comment
        if (t.Kind == Kind.Open)
        {
            // Outcome version: { { "name" u1 u2 ... } ... } then an outcome number per profile.
            var outcomes = new List<double[]>();
            Token o;
            while ((o = lexer.Next()).Kind == Kind.Open)
            {
                var label = lexer.Next();
                var values = new double[n];
                int k = 0;
                Token v = label.Kind == Kind.Text ? lexer.Next() : label;
                while (v.Kind == Kind.Number)
                {
                    if (k >= n) throw new NfgFormatException($"an outcome with more than {n} payoffs", v.Line, v.Column);
                    values[k++] = Number(v);
                    v = lexer.Next();
                }
                if (v.Kind != Kind.Close) throw new NfgFormatException("expected a payoff or } in an outcome", v.Line, v.Column);
                if (k != n) throw new NfgFormatException($"an outcome with {k} payoffs for {n} players", v.Line, v.Column);
                outcomes.Add(values);
            }
            if (o.Kind != Kind.Close) throw new NfgFormatException("expected an outcome { ... } or }", o.Line, o.Column);
            for (long profile = 0; profile < profiles; profile++)
            {
                var x = lexer.Next();
                if (x.Kind != Kind.Number || !int.TryParse(x.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index > outcomes.Count)
                    throw new NfgFormatException(x.Kind == Kind.End ? $"the file ends after {profile} of {profiles} outcome numbers" : $"'{x.Text}' is not an outcome number 0..{outcomes.Count}", x.Line, x.Column);
                int joint = JointIndex(profile, counts);
                for (int p = 0; p < n; p++) payoffs[p][joint] = index == 0 ? 0 : outcomes[index - 1][p];
            }
        }
        else
        {
            // Payoff version: every profile's payoffs, player by player.
            for (long profile = 0; profile < profiles; profile++)
            {
                int joint = JointIndex(profile, counts);
                for (int p = 0; p < n; p++)
                {
                    if (profile > 0 || p > 0) t = lexer.Next();
                    if (t.Kind == Kind.End) throw new NfgFormatException($"the file ends after {profile} of {profiles} payoff profiles", t.Line, t.Column);
                    payoffs[p][joint] = Number(t);
                }
            }
        }
        var end = lexer.Next();
        if (end.Kind != Kind.End) throw new NfgFormatException($"unexpected '{end.Text}' after the last payoff", end.Line, end.Column);
        return new NfgGame(title, players, strategies, new NormalFormGame(counts, payoffs));
    }

    /// <summary>Gambit lists profiles with the first player's strategy changing fastest; our joint index has the first player most significant.</summary>
    private static int JointIndex(long profile, int[] counts)
    {
        long joint = 0, stride = 1;
        var digits = new int[counts.Length];
        for (int p = 0; p < counts.Length; p++) { digits[p] = (int)(profile % counts[p]); profile /= counts[p]; }
        for (int p = counts.Length - 1; p >= 0; p--) { joint += digits[p] * stride; stride *= counts[p]; }
        return (int)joint;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes the payoff version with named strategies (numbers round-trip).</summary>
    public static string Write(NfgGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        var g = game.Game;
        var sb = new StringBuilder();
        sb.Append("NFG 1 R ").Append(Quote(game.Title)).Append(" { ").Append(string.Join(" ", game.Players.Select(Quote))).Append(" }\n\n{ ");
        foreach (var s in game.Strategies) sb.Append("{ ").Append(string.Join(" ", s.Select(Quote))).Append(" }\n");
        sb.Append("}\n\"\"\n\n");
        var counts = Enumerable.Range(0, g.Players).Select(g.Actions).ToArray();
        for (long profile = 0; profile < g.JointActions; profile++)
        {
            int joint = JointIndex(profile, counts);
            for (int p = 0; p < g.Players; p++) sb.Append(Show(g.Payoff(p, joint))).Append(' ');
        }
        sb.Append('\n');
        return sb.ToString();
    }
}
