using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace RlSpec.Tests.Fuzzing;

/// <summary>
/// Writes .rlspec models from every rule of grammar/RlSpec.g4: parameters of each type, constant,
/// list and state-reading lets, random variables of every family, state variables of all three forms,
/// actions and action families with guards, init, all four criteria, rules with guards, branches,
/// <c>stay</c> and <c>default</c>, transition and reward tables, rewards of every kind, and every
/// expression form and builtin. Most models are meant to be valid; a share is mutated token by token,
/// and a share is adversarial (deep nesting, long flat chains, C# keyword and framework names, numbers
/// at the edges of int/long/double, NaN-producing operations, huge and empty ranges, unicode, CR-only
/// and CRLF line endings).
/// </summary>
public static class ModelGenerator
{
    /// <summary>Which inputs to write.</summary>
    public sealed record Options(
        bool Tame,              // small, well-typed models meant to compile and solve quickly
        bool CollidingNames,    // names that collide with C# keywords and framework names
        int MaxDepth,           // deepest nesting / longest flat chain of the adversarial inputs
        bool KnownFailures = false, // inputs that fail today and are being fixed (FuzzTests.KnownFailures)
        int ChoiceCount = 300);

    /// <summary>Names a model may legally use that collide with C# and .NET (issue 6, "Emitted C# that does not compile for legal names").</summary>
    public static readonly string[] CollidingNames =
        { "class", "Math", "System", "IMdp", "Functions", "Criterion", "CultureInfo", "nameof", "global", "var", "string", "object", "Create", "Solve", "Model", "value", "@" };

    private static readonly string[] PlainModelNames = { "M", "River", "Queue", "Grid", "Shop", "A1", "x_y", "Deep" };

    public static Gen<string> Models(Options options) =>
        Gen.UInt.Array[0, options.ChoiceCount].Select(data => Write(data, options));

    public static string Write(uint[] data, Options options)
    {
        var c = new Choices(data);
        string text;
        int mode = options.Tame ? 0 : c.Next(20);
        if (mode < 11) text = new ModelWriter(c, options).Model();
        else if (mode < 16) text = Mutate(c, new ModelWriter(c, options).Model());
        else if (mode < 19) text = Adversarial(c, options);
        else text = new ModelWriter(c, options).Model() + "\n" + new ModelWriter(c, options).Model();
        return LineEndings(c, text);
    }

    private static string LineEndings(Choices c, string text) => c.Next(10) switch
    {
        7 or 8 => text.Replace("\n", "\r\n"),
        9 => text.Replace("\n", "\r"),
        _ => text,
    };

    private static readonly string[] Fragments =
    {
        "{", "}", "(", ")", "[", "]", ":", "'", "@", "|", "..", "=", "~", ",", "0", "1.5", "-", "/", "^", "%", "!", "&&", "||", "==",
        "when", "stay", "let", "param", "state", "action", "reward", "init", "until", "horizon", "discount", "average", "default",
        "transition", "in", "for", "sum", "if", "then", "else", "true", "false", "truncated", "clamped", "int", "real", "bool",
        "t", "x'", "poisson(", "min(", "len(", "\n", "\r", "\u00e9", "\u03b3", "\U0001d6fe", "\u200b", "#", "\"", "$", "\\", "/*", "*/", "//",
        "2147483647", "2147483648", "9223372036854775807", "9223372036854775808", "1e308", "1e309", "5e-324", "0.0", "0/0", "log(0)",
        "class", "Math", "System", "nameof", "global", "var",
    };

    /// <summary>One to four token-level edits of a valid model.</summary>
    private static string Mutate(Choices c, string text)
    {
        var tokens = Tokenize(text);
        int edits = c.Between(1, 4);
        for (int e = 0; e < edits && tokens.Count > 0; e++)
        {
            int at = c.Next(tokens.Count);
            switch (c.Next(5))
            {
                case 0: tokens.RemoveAt(at); break;
                case 1: tokens.Insert(at, c.Pick(Fragments)); break;
                case 2: tokens.Insert(at, tokens[at]); break;
                case 3: if (at + 1 < tokens.Count) (tokens[at], tokens[at + 1]) = (tokens[at + 1], tokens[at]); break;
                default: tokens[at] = c.Pick(Fragments); break;
            }
        }
        return string.Join(" ", tokens);
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (text[i] == '\n') tokens.Add("\n");
                i++;
                continue;
            }
            int start = i;
            if (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.')
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.')) i++;
            else i++;
            tokens.Add(text.Substring(start, i - start));
        }
        return tokens;
    }

    /// <summary>The inputs of issue 6's adversary, at a size chosen by the fuzzer.</summary>
    private static string Adversarial(Choices c, Options options)
    {
        int n = 1 + c.Next(Math.Max(1, options.MaxDepth));
        string Repeat(string s, int k) => string.Concat(Enumerable.Repeat(s, k));
        string value = c.Next(12) switch
        {
            0 => Repeat("(", n) + "1" + Repeat(")", n),
            1 => Repeat("if s == 0 then 1 else ", n) + "0",
            2 => Repeat("- ", n) + "1",
            3 => "(if " + Repeat("!", n) + "true then 1 else 0)",
            4 => string.Join(" + ", Enumerable.Repeat("1", n)),
            5 => string.Join(" * ", Enumerable.Repeat("s", Math.Min(n, 64))),
            6 => string.Join(" - ", Enumerable.Repeat("0.5", n)),
            7 => "(if " + string.Join(" && ", Enumerable.Repeat("s >= 0", n)) + " then 1 else 0)",
            8 => Repeat("min(", n) + "1" + Repeat(", 2)", n),
            // Nested lists: compile time grows faster than the square of the depth (a known failure).
            9 => Repeat("[", Math.Min(n, options.KnownFailures ? 500 : 30)) + "1" + Repeat("]", Math.Min(n, options.KnownFailures ? 500 : 30)) + Repeat("[0]", Math.Min(n, options.KnownFailures ? 500 : 30)),
            10 => Repeat("abs(", n) + "s" + Repeat(")", n),
            _ => "sum(i in 0.." + n + ", " + Repeat("(", Math.Min(n, 200)) + "i" + Repeat(")", Math.Min(n, 200)) + ")",
        };
        string name = options.CollidingNames && c.Chance(50) ? c.Pick(CollidingNames) : "Adversary";
        string hi = c.Pick(new[] { "3", "0", "-1", "2147483646", "2147483647", "1000000000", "9223372036854775807", "100000" });
        return c.Next(4) switch
        {
            0 => $"mdp {name} {{\n  state s in 0..{hi}\n  action a\n  discount 0.9\n  a: stay\n  reward a: {value}\n}}\n",
            1 => $"mdp {name} {{\n  state s in 0..3\n  action a\n  discount 0.9\n  a when {value} > 0: stay\n  a: s' = 0\n}}\n",
            2 => $"mdp {name} {{\n  param N = {c.Pick(new[] { "2147483647", "9223372036854775807", "100000", "1e308", "5e-324", "0" })}\n  state s in 0..3\n  action a\n  discount 0.9\n  let k = {value}\n  a: stay\n  reward a: N * N + k\n}}\n",
            _ => $"mdp {name} {{\n  state s in 0..3\n  action a\n  horizon {c.Pick(new[] { "1", "3", "100000000", "2147483647" })}\n  a: s' = clamp({value}, 0, 3)\n}}\n",
        };
    }

    /// <summary>Writes one model, keeping track of the names in scope and their types so most output is valid.</summary>
    private sealed class ModelWriter(Choices c, Options o)
    {
        private readonly StringBuilder _b = new();
        private readonly List<string> _ints = new();         // int names readable in rules and rewards
        private readonly List<string> _constInts = new();    // int parameters and constant lets
        private readonly List<string> _reals = new();
        private readonly List<string> _bools = new();
        private readonly List<(string Name, int Length, bool Real)> _lists = new();
        private readonly List<string> _randoms = new();
        private readonly List<(string Name, string Lo, string Hi)> _ranges = new();
        private readonly List<(string Name, string[] Values)> _enums = new();
        private readonly List<string> _boolVars = new();
        private readonly List<(string Name, string? Index, int Size)> _actions = new();
        private int _fresh;
        private string Fresh(string prefix) => o.CollidingNames && c.Chance(8) ? c.Pick(CollidingNames) + _fresh++ : prefix + _fresh++;

        private string Name(string prefix)
        {
            if (o.CollidingNames && c.Chance(15)) return c.Pick(CollidingNames);
            return Fresh(prefix);
        }

        public string Model()
        {
            string name = o.CollidingNames && c.Chance(30) ? c.Pick(CollidingNames) : c.Pick(PlainModelNames);
            _b.Append(c.Chance(10) ? "// \u00e9t\u00e9 \u03b3 \U0001d6fe comment\n" : "");
            _b.Append("mdp ").Append(name).Append(" {\n");
            Params();
            States();
            Lets();
            Actions();
            Criterion();
            Init();
            Rules();
            Rewards();
            _b.Append("}\n");
            return _b.ToString();
        }

        private void Line(string s) => _b.Append("  ").Append(s).Append('\n');

        private void Params()
        {
            int count = c.Next(4);
            var decls = new List<string>();
            for (int i = 0; i < count; i++)
            {
                string n = Name("p");
                switch (c.Next(5))
                {
                    case 0: decls.Add($"{n} = {c.Between(2, 4)}"); _constInts.Add(n); _ints.Add(n); break;
                    case 1: decls.Add($"{n} = 0.{c.Between(1, 9)}"); _reals.Add(n); break;
                    case 2: decls.Add($"{n} = {(c.Chance(50) ? "true" : "false")}"); _bools.Add(n); break;
                    case 3: decls.Add($"{n} : real = {c.Between(0, 1)}"); _reals.Add(n); break;
                    default:
                        var edge = o.Tame ? "3" : c.Pick(new[] { "2147483647", "9223372036854775807", "1e308", "5e-324", "0", "1_000", "2147483648" });
                        decls.Add($"{n} = {edge}"); _reals.Add(n); break;
                }
            }
            if (decls.Count == 0) return;
            if (c.Chance(50)) Line("param " + string.Join(", ", decls));
            else foreach (var d in decls) Line("param " + d);
        }

        private void States()
        {
            int count = c.Between(1, 3);
            var decls = new List<string>();
            for (int i = 0; i < count; i++)
            {
                string n = Name("x");
                switch (c.Next(4))
                {
                    case 1:
                        decls.Add($"{n} : bool"); _boolVars.Add(n); _bools.Add(n); break;
                    case 2:
                        var values = Enumerable.Range(0, c.Between(1, 3)).Select(j => $"{n}_v{j}").ToArray();
                        decls.Add($"{n} in {{{string.Join(", ", values)}}}"); _enums.Add((n, values)); break;
                    default:
                        string lo = c.Chance(20) ? "1" : "0";
                        string hi = c.Next(6) switch
                        {
                            0 when _constInts.Count > 0 => c.Pick(_constInts) + " - 1",
                            1 when !o.Tame => c.Pick(new[] { "0", "-1", "2147483647", "100000", "1000000000" }),
                            _ => c.Between(1, 4).ToString(),
                        };
                        decls.Add($"{n} in {lo}..{hi}"); _ranges.Add((n, lo, hi)); _ints.Add(n); break;
                }
            }
            if (c.Chance(50)) Line("state " + string.Join(", ", decls));
            else foreach (var d in decls) Line("state " + d);
        }

        private void Lets()
        {
            int count = c.Next(4);
            for (int i = 0; i < count; i++)
            {
                string n = Fresh("k");
                switch (c.Next(6))
                {
                    case 0: Line($"let {n} = {ConstInt(2)}"); _constInts.Add(n); _ints.Add(n); break;
                    case 1: Line($"let {n} = {Real(2, constant: true)}"); _reals.Add(n); break;
                    case 2:
                        int len = c.Between(1, 4);
                        bool real = c.Chance(50);
                        Line($"let {n} = [{string.Join(", ", Enumerable.Range(0, len).Select(j => real ? $"0.{j + 1}" : j.ToString()))}]");
                        _lists.Add((n, len, real)); break;
                    case 3:
                        int m = c.Between(1, 4);
                        Line($"let {n} = [{(c.Chance(50) ? "0.5 * j" : "j * j")} for j in 0..{m - 1}]");
                        _lists.Add((n, m, true)); break;
                    case 4: Line($"let {n} = {Int(2)}"); _ints.Add(n); break; // reads the state: a macro
                    default:
                        string dist = c.Next(7) switch
                        {
                            0 => "bernoulli(0.3)",
                            1 => $"binomial({c.Between(1, 3)}, 0.5)",
                            2 => $"poisson(1.5) {(c.Chance(50) ? "truncated" : "clamped")} 0..{c.Between(0, 3)}",
                            3 => $"geometric(0.5) {(c.Chance(50) ? "truncated" : "clamped")} 1..{c.Between(1, 3)}",
                            4 => $"uniform(0, {c.Between(0, 2)})",
                            5 => "categorical([0.25, 0.75])",
                            _ => o.Tame ? "bernoulli(0.5)" : c.Pick(new[] { "normal(0, 1)", "poisson(2)", "uniform(2, 1)", "bernoulli(1.5)", "categorical([])", "poisson(1e308) truncated 0..3" }),
                        };
                        Line($"let {n} ~ {dist}"); _randoms.Add(n); break;
                }
            }
        }

        private void Actions()
        {
            int count = c.Between(1, 3);
            var decls = new List<string>();
            for (int i = 0; i < count; i++)
            {
                string n = Name("a");
                string decl;
                if (c.Chance(30))
                {
                    int hi = o.Tame || c.Chance(80) ? c.Between(0, 2) : c.Pick(new[] { -1, 1000, 2147483647 });
                    decl = $"{n}(i in 0..{hi})";
                    _actions.Add((n, "i", Math.Max(0, Math.Min(hi, 3)) + 1));
                }
                else
                {
                    decl = n;
                    _actions.Add((n, null, 1));
                }
                if (c.Chance(20)) decl += " when " + Bool(1, guard: true, index: _actions[^1].Index);
                decls.Add(decl);
            }
            if (c.Chance(50)) Line("action " + string.Join(", ", decls));
            else foreach (var d in decls) Line("action " + d);
        }

        private void Criterion()
        {
            switch (c.Next(o.Tame ? 5 : 7))
            {
                case 0: Line($"discount 0.{c.Between(1, 9)}"); break;
                case 1: Line($"horizon {c.Between(1, 4)}"); _ints.Add("t"); break;
                case 2: Line("average"); break;
                case 3: Line("until " + Bool(1, guard: true)); break;
                case 4: Line($"discount 0.9"); Line("until " + Bool(1, guard: true)); break;
                case 5: Line("discount " + Real(2, constant: true)); break; // anything, even out of range
                default: break;                                            // no criterion at all
            }
        }

        private void Init()
        {
            if (!c.Chance(30) || (_ranges.Count == 0 && _boolVars.Count == 0)) return;
            string Assign()
            {
                if (_ranges.Count > 0 && c.Chance(70)) { var r = c.Pick(_ranges); return $"{r.Name} = {r.Lo}"; }
                if (_boolVars.Count > 0) return $"{c.Pick(_boolVars)} = true";
                var r2 = c.Pick(_ranges); return $"{r2.Name} = {r2.Lo}";
            }
            Line(c.Chance(50) ? "init " + Assign() : $"init {Assign()} @ 0.5 | {Assign()} @ 0.5");
        }

        private int StateCountEstimate()
        {
            int n = 1;
            foreach (var r in _ranges) n *= int.TryParse(r.Hi, out int h) && int.TryParse(r.Lo, out int l) && h - l + 1 is > 0 and < 10 ? h - l + 1 : 100;
            foreach (var e in _enums) n *= e.Values.Length;
            foreach (var _ in _boolVars) n *= 2;
            return n;
        }

        private void Rules()
        {
            int states = StateCountEstimate();
            bool defaulted = c.Chance(15);
            if (defaulted) Line("default: stay");
            foreach (var (name, index, size) in _actions)
            {
                string head = index is null ? name : $"{name}({(c.Chance(80) ? "i" : "q")})";
                string? idx = index is null ? null : head.Substring(name.Length + 1, 1);
                if (index is null && states <= 4 && c.Chance(15))
                {
                    // An explicit table: row s moves to s+1 (mod n), or splits evenly.
                    var rows = Enumerable.Range(0, states).Select(s => "[" + string.Join(", ", Enumerable.Range(0, states).Select(j =>
                        c.Chance(50) ? (j == (s + 1) % states ? "1" : "0") : (j == (s + 1) % states ? "1" : "0"))) + "]");
                    Line($"transition {name} = [{string.Join(", ", rows)}]");
                    continue;
                }
                if (c.Chance(35)) Line($"{head} when {Bool(2, guard: true, index: idx)}: {Outcomes(idx)}");
                if (!defaulted || c.Chance(50)) Line($"{head}: {Outcomes(idx)}");
            }
            if (states <= 6 && c.Chance(10))
            {
                int actions = _actions.Sum(a => a.Size);
                Line("reward = [" + string.Join(", ", Enumerable.Range(0, states).Select(s => "[" + string.Join(", ", Enumerable.Range(0, actions).Select(a => ((s + a) % 3 - 1).ToString())) + "]")) + "]");
            }
        }

        private string Outcomes(string? index)
        {
            int branches = c.Between(1, 3);
            if (branches == 1) return c.Chance(20) ? "stay" : Outcome(index);
            if (branches == 2)
            {
                string p = c.Next(3) switch
                {
                    0 when _reals.Count > 0 && o.Tame => "0.3",
                    1 => "0.25",
                    _ => "0.5",
                };
                string q = c.Chance(50) ? $"1 - {p}" : (p == "0.25" ? "0.75" : "0.5");
                return $"{Outcome(index)} @ {p} | {(c.Chance(30) ? "stay" : Outcome(index))} @ {q}";
            }
            return $"{Outcome(index)} @ 0.2 | {Outcome(index)} @ 0.3 | stay @ 1 - 0.2 - 0.3";
        }

        private string Outcome(string? index)
        {
            var parts = new List<string>();
            var used = new HashSet<string>();
            int count = c.Between(1, 2);
            for (int i = 0; i < count; i++)
            {
                int kind = c.Next(3);
                if (kind == 0 && _ranges.Count > 0)
                {
                    var r = c.Pick(_ranges);
                    if (!used.Add(r.Name)) continue;
                    string e = c.Next(4) switch
                    {
                        0 => $"min({r.Name} + 1, {r.Hi})",
                        1 => $"max({r.Name} - 1, {r.Lo})",
                        2 when _randoms.Count > 0 => $"clamp({r.Name} + {c.Pick(_randoms)}, {r.Lo}, {r.Hi})",
                        _ => $"clamp({Int(3, index: index, random: true)}, {r.Lo}, {r.Hi})",
                    };
                    parts.Add($"{r.Name}' = {e}");
                }
                else if (kind == 1 && _boolVars.Count > 0)
                {
                    var v = c.Pick(_boolVars);
                    if (!used.Add(v)) continue;
                    parts.Add($"{v}' = {(c.Chance(50) ? "!" + v : Bool(2, index: index))}");
                }
                else if (_enums.Count > 0)
                {
                    var (n, values) = c.Pick(_enums);
                    if (!used.Add(n)) continue;
                    parts.Add(c.Chance(50) ? $"{n}' = {c.Pick(values)}" : $"{n}' = if {n} == {values[0]} then {values[^1]} else {values[0]}");
                }
            }
            return parts.Count == 0 ? "stay" : string.Join(", ", parts);
        }

        private void Rewards()
        {
            int count = c.Next(5);
            for (int i = 0; i < count; i++)
            {
                var (name, index, _) = c.Pick(_actions);
                string? idx = index is null ? null : "i";
                string head = c.Chance(30) ? "reward" : index is null ? $"reward {name}" : $"reward {name}(i)";
                if (head == "reward") idx = null;
                string guard = c.Chance(40) ? " when " + Bool(2, index: idx, successor: c.Chance(30)) : "";
                string value = c.Next(8) switch
                {
                    0 => $"bernoulli(0.{c.Between(1, 9)})",
                    1 => $"normal({c.Between(0, 3)}, 1)",
                    2 => "-0.01",
                    _ => Real(3, index: idx, random: true),
                };
                Line($"{head}{guard}: {value}");
            }
        }

        // ------------------------------------------------------------------ expressions

        private string IntLeaf(bool constant, string? index, bool random)
        {
            var names = new List<string>(constant ? _constInts : _ints);
            if (!constant && index is not null) names.Add(index);
            if (!constant && random) names.AddRange(_randoms);
            if (!o.Tame && c.Chance(5)) return c.Pick(new[] { "2147483647", "9223372036854775807", "2147483648", "0", "1_000_000" });
            if (names.Count > 0 && c.Chance(60)) return c.Pick(names);
            return c.Between(0, 5).ToString();
        }

        private string ConstInt(int depth) => Int(depth, constant: true);

        private string Int(int depth, bool constant = false, string? index = null, bool random = false)
        {
            if (depth <= 0 || c.Chance(30)) return IntLeaf(constant, index, random);
            string A() => Int(depth - 1, constant, index, random);
            // A power by an arbitrary int (2147483647 included) makes the constant folder loop for
            // seconds and wrap silently: a known failure, generated only with KnownFailures.
            switch (c.Next(o.Tame ? 17 : o.KnownFailures ? 19 : 18))
            {
                case 0: return $"{A()} + {A()}";
                case 1: return $"{A()} - {A()}";
                case 2: return $"{A()} * {A()}";
                case 3: return $"{A()} % {c.Between(1, 4)}";
                case 4: return $"{A()} ^ {c.Between(0, 3)}";
                case 5: return $"-{A()}";
                case 6: return $"abs({A()})";
                case 7: return $"min({A()}, {A()})";
                case 8: return $"max({A()}, {A()}, {A()})";
                case 9: return $"clamp({A()}, 0, 3)";
                case 10: return $"{c.Pick(new[] { "floor", "ceil", "round" })}({Real(depth - 1, constant, index, random)})";
                case 11 when _lists.Count > 0: var l = c.Pick(_lists); return $"len({l.Name})";
                case 12: return $"(if {Bool(depth - 1, index: index, constantOnly: constant)} then {A()} else {A()})";
                case 13: return $"({A()})";
                case 14: return $"sum(j in 0..{c.Between(0, 3)}, j * {A()})";
                case 15 when _lists.Any(x => !x.Real):
                    var il = c.Pick(_lists.Where(x => !x.Real).ToList());
                    return $"{il.Name}[clamp({A()}, 0, {il.Length - 1})]";
                case 16: return $"[j + 1 for j in 0..3][clamp({A()}, 0, 3)]";
                case 17: return $"{A()} % {A()}";                 // a remainder by anything, zero included
                case 18: return $"{A()} ^ {A()}";                 // a power by anything
                default: return IntLeaf(constant, index, random);
            }
        }

        private string Real(int depth, bool constant = false, string? index = null, bool random = false)
        {
            if (depth <= 0 || c.Chance(30))
            {
                if (!o.Tame && c.Chance(8)) return c.Pick(new[] { "1e308", "5e-324", "0/0", "log(0)", "1e308 * 10", "sqrt(-1)", "exp(1000)", "1/0", "0.0" });
                if (!constant && _reals.Count > 0 && c.Chance(40)) return c.Pick(_reals);
                if (constant && _reals.Count > 0 && c.Chance(40)) return c.Pick(_reals);
                return c.Chance(50) ? $"{c.Between(0, 3)}.{c.Between(0, 9)}" : $"{c.Between(1, 9)}e-{c.Between(1, 3)}";
            }
            string R() => Real(depth - 1, constant, index, random);
            switch (c.Next(12))
            {
                case 0: return $"{R()} + {R()}";
                case 1: return $"{R()} - {Int(depth - 1, constant, index, random)}";
                case 2: return $"{R()} * {R()}";
                case 3: return $"{R()} / {c.Between(1, 4)}";
                case 4: return $"exp(-{R()})";
                case 5: return $"log(1 + abs({R()}))";
                case 6: return $"sqrt(abs({R()}))";
                case 7: return $"(if {Bool(depth - 1, index: index, constantOnly: constant)} then {R()} else {R()})";
                case 8 when _lists.Any(x => x.Real):
                    var rl = c.Pick(_lists.Where(x => x.Real).ToList());
                    return $"{rl.Name}[clamp({Int(depth - 1, constant, index, random)}, 0, {rl.Length - 1})]";
                case 9: return Int(depth, constant, index, random);
                case 10 when !o.Tame: return $"{R()} / {Int(depth - 1, constant, index, random)}";
                default: return $"({R()})";
            }
        }

        private string Bool(int depth, bool guard = false, string? index = null, bool successor = false, bool constantOnly = false)
        {
            // Guards of actions and rules may not read random variables; `until` reads the state only.
            if (depth <= 0 || c.Chance(25))
            {
                var leaves = new List<string> { "true", "false" };
                if (!constantOnly) leaves.AddRange(_boolVars);
                leaves.AddRange(_bools.Where(b => !_boolVars.Contains(b)));
                if (!constantOnly && _enums.Count > 0) { var e = c.Pick(_enums); leaves.Add($"{e.Name} == {c.Pick(e.Values)}"); }
                if (!constantOnly && successor && _ranges.Count > 0) { var r = c.Pick(_ranges); leaves.Add($"{r.Name}' == {r.Hi}"); }
                return c.Pick(leaves);
            }
            string I() => Int(depth - 1, constantOnly, index, random: false);
            string B() => Bool(depth - 1, guard, index, successor, constantOnly);
            return c.Next(8) switch
            {
                0 => $"{I()} < {I()}",
                1 => $"{I()} <= {I()}",
                2 => $"{I()} == {I()}",
                3 => $"{I()} != {I()}",
                4 => $"{Real(depth - 1, constantOnly, index)} > {Real(depth - 1, constantOnly, index)}",
                5 => $"{B()} && {B()}",
                6 => $"{B()} || {B()}",
                _ => $"!({B()})",
            };
        }
    }
}
