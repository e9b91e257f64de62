using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Game.Binding;
using RlSpec.Compiler.Kinds.Game.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Game.Lowering
{
    /// <summary>
    /// The game kind's lower stage: evaluates every action count, payoff table or payoff function, preference matrix,
    /// facility cost and Markov transition with the parameters in force, and checks what only numbers can show:
    /// shapes (each wrong shape says both shapes), ragged rows, non-finite payoffs, a zero-sum game whose two matrices do
    /// not sum to zero, an n-player table that misses joint actions, a preference matrix with P[a][b] + P[b][a] ≠ 1,
    /// a temperature that is not positive, probabilities that do not sum to 1.
    /// </summary>
    internal sealed class GameLowering : KindLowering
    {
        /// <summary>The most actions one player may have (a dense LP over 10,000 actions is already far past exact solvers' reach).</summary>
        public const long MaxActions = 10_000;

        /// <summary>The most joint actions (cells of the payoff tensor, or (s, a, b) of a Markov game) a game may have.</summary>
        public const long MaxJointActions = 4_000_000;

        /// <summary>Tolerance of the zero-sum, preference and probability-sum checks.</summary>
        public const double Tolerance = 1e-9;

        private readonly BoundGame _m;
        private readonly SourceText _source;
        private GameIr _ir = null!;

        private GameLowering(BoundGame model, Binder binder) : base(binder, model.Declaration.Evaluator)
        {
            _m = model;
            _source = model.Declaration.Source;
        }

        public static GameIr? Lower(BoundGame model, Binder binder, CancellationToken cancellationToken) =>
            new GameLowering(model, binder).Run(cancellationToken);

        private GameIr? Run(CancellationToken ct)
        {
            var d = _m.Declaration;
            _ir = new GameIr(d.Name, CSharpNames.TypeName(d.Name, Emit.GameEmitter.MemberNames), d.Node.Span.Path, _m.Form);
            if (_m.Temperature != null)
            {
                if (!TryEval(_m.Temperature, out var t)) return null;
                double tau = ConstantEvaluator.ToReal(t);
                if (!(tau > 0) || double.IsInfinity(tau))
                {
                    Error(DiagnosticIds.GameTemperatureNotPositive, $"the temperature is {Show(tau)}, but a regularization temperature must be positive (and finite); e.g. `temperature 0.1`", _m.TemperatureSpan);
                    return null;
                }
                _ir.Temperature = tau;
            }
            switch (_m.Form)
            {
                case GameForm.Preference: LowerPreference(); break;
                case GameForm.Congestion: LowerCongestion(); break;
                case GameForm.Markov: LowerMarkov(ct); break;
                default: LowerNormalForm(); break;
            }
            ct.ThrowIfCancellationRequested();
            return _failed ? null : _ir;
        }

        /// <summary>netstandard2.0 has no double.IsFinite.</summary>
        private static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

        /// <summary>
        /// The largest payoff magnitude accepted. The solvers form payoff ranges, expected payoffs and LP pivots from
        /// sums of products of payoffs and probabilities; below 1e150 none of them can overflow a double.
        /// </summary>
        private const double MaxPayoff = 1e150;

        private static bool IsPayoff(double v) => IsFinite(v) && Math.Abs(v) <= MaxPayoff;

        private const string PayoffRule = "payoffs must be finite numbers of magnitude at most 1e150 (rescale the game)";

        private static string Show(double v) => v.ToString("G10", CultureInfo.InvariantCulture);

        // ---- Players and actions --------------------------------------------------------------

        /// <summary>The players' names and action names (a count n gives a0..a(n−1)); false after an error.</summary>
        private bool LowerPlayers()
        {
            foreach (var p in _m.Players)
            {
                _ir.Players.Add(p.Name);
                if (p.ActionNames != null)
                {
                    _ir.Actions.Add(p.ActionNames.Select(a => a.Text).ToList());
                    continue;
                }
                if (!TryEval(p.ActionCount!, out var v)) return false;
                long k = (long)v;
                if (k < 1 || k > MaxActions)
                {
                    var (at, note) = _b.Blame(p.ActionCount!.Span, p.ActionCount);
                    Error(DiagnosticIds.GameActionCount, $"player '{p.Name}' has {k} actions{note}; a player needs 1..{MaxActions:N0} actions", at);
                    return false;
                }
                _ir.Actions.Add(Enumerable.Range(0, (int)k).Select(a => "a" + a.ToString(CultureInfo.InvariantCulture)).ToList());
            }
            long joint = 1;
            foreach (var a in _ir.Actions)
            {
                joint *= a.Count;
                if (joint > MaxJointActions)
                {
                    Error(DiagnosticIds.GameTooLarge, $"the game has more than {MaxJointActions:N0} joint actions ({string.Join(" x ", _ir.Actions.Select(x => x.Count))}); use fewer players or actions", _b.Node.NameSpan);
                    return false;
                }
            }
            return true;
        }

        private string ShapeOfPlayers() => string.Join("x", _ir.Actions.Select(a => a.Count));

        // ---- Normal form (zero-sum, bimatrix, symmetric, n-player, random) ------------------------

        private void LowerNormalForm()
        {
            if (!LowerPlayers()) return;
            int n = _ir.Players.Count;
            if (_m.Form == GameForm.Symmetric && _ir.Actions[0].Count != _ir.Actions[1].Count)
            {
                Error(DiagnosticIds.GameSymmetricActions,
                    $"a symmetric game's players have the same actions, but '{_ir.Players[0]}' has {_ir.Actions[0].Count} and '{_ir.Players[1]}' has {_ir.Actions[1].Count}",
                    _m.Players[1].Span);
                return;
            }
            if (_m.Random is { } r)
            {
                LowerRandom(r);
                return;
            }
            var tensors = new double[n][];
            foreach (var payoff in _m.Payoffs)
            {
                var t = Tensor(payoff);
                if (t is null) return;
                tensors[payoff.Player] = t;
            }
            int m = _ir.Actions[0].Count;
            if (_m.Form == GameForm.ZeroSum)
            {
                if (tensors[1] is { } b)
                {
                    var a = tensors[0];
                    double scale = Math.Max(1, a.Concat(b).Max(Math.Abs));
                    for (int k = 0; k < a.Length; k++)
                        if (Math.Abs(a[k] + b[k]) > Tolerance * scale)
                        {
                            int cols = _ir.Actions[1].Count;
                            Error(DiagnosticIds.GameZeroSumMismatch,
                                $"the game is zero_sum, but at ({_ir.Actions[0][k / cols]}, {_ir.Actions[1][k % cols]}) the payoffs are {Show(a[k])} and {Show(b[k])}, which sum to {Show(a[k] + b[k])}; give only `payoff {_ir.Players[0]}` (the column player's is its negative) or fix the entry",
                                _m.Payoffs.First(p => p.Player == 1).Span);
                            return;
                        }
                }
                else tensors[1] = tensors[0].Select(x => -x).ToArray();
            }
            else if (_m.Form == GameForm.Symmetric)
            {
                var a = tensors[0];
                var b = new double[a.Length];
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < m; j++) b[i * m + j] = a[j * m + i];
                tensors[1] = b;
            }
            for (int p = 0; p < n; p++)
            {
                _ir.Payoffs.Add(tensors[p]);
                var source = _m.Payoffs.FirstOrDefault(x => x.Player == p);
                _ir.PayoffSources.Add(source is null
                    ? (_m.Form == GameForm.ZeroSum ? $"the negative of {_ir.Players[0]}'s payoff (zero-sum)" : $"the transpose of {_ir.Players[0]}'s payoff (symmetric)")
                    : _source.Quote(source.Span));
            }
        }

        private void LowerRandom(BoundRandomPayoffs r)
        {
            if (_ir.Players.Count != 2)
            {
                Error(DiagnosticIds.GamePlayerCount, $"random games have two players; this one has {_ir.Players.Count}", r.Span);
                return;
            }
            if (!TryEval(r.First, out var f) || !TryEval(r.Second, out var s) || !TryEval(r.Seed, out var seed)) return;
            double first = ConstantEvaluator.ToReal(f), second = ConstantEvaluator.ToReal(s);
            bool gaussian = r.Distribution == "gaussian";
            if (!(Math.Abs(first) <= MaxPayoff / 1e3) || !(Math.Abs(second) <= MaxPayoff / 1e3) || (gaussian ? !(second > 0) : !(first < second)))
            {
                Error(DiagnosticIds.GameRandomParameters,
                    gaussian ? $"gaussian({Show(first)}, {Show(second)}): the mean must be finite and the standard deviation positive, both at most 1e147 in magnitude"
                             : $"uniform({Show(first)}, {Show(second)}): the bounds must be finite with lo < hi, both at most 1e147 in magnitude",
                    r.Span);
                return;
            }
            if ((long)seed < 0)
            {
                Error(DiagnosticIds.GameSeedOutOfRange, $"the seed is {seed}; seeds are integers 0 or larger", r.Seed.Span);
                return;
            }
            _ir.Random = (r.Distribution, first, second, (long)seed);
        }

        /// <summary>A player's payoff over all joint actions, from a table or a function of the players' actions.</summary>
        private double[]? Tensor(BoundPayoff payoff)
        {
            string who = _ir.Players[payoff.Player];
            int n = _ir.Players.Count;
            object value;
            if (payoff.IsTable)
            {
                if (!TryEval(payoff.Value, out value)) return null;
                if (!CheckTableShape(value, who, payoff)) return null;
            }
            else if (!TryEval(Loops(payoff.Value, _m.Players.Select((p, i) => (p.Action, 0L, (long)_ir.Actions[i].Count - 1)).ToList()), out value)) return null;
            var flat = new List<double>();
            Flatten(value, flat);
            for (int k = 0; k < flat.Count; k++)
                if (!IsPayoff(flat[k]))
                {
                    Error(DiagnosticIds.GameNonFinite, $"the payoff of player '{who}' at {JointName(k)} is {Show(flat[k])}; {PayoffRule}", payoff.Span);
                    return null;
                }
            return flat.ToArray();
        }

        private string JointName(int k)
        {
            var names = new string[_ir.Actions.Count];
            for (int p = _ir.Actions.Count - 1; p >= 0; p--) { names[p] = _ir.Actions[p][k % _ir.Actions[p].Count]; k /= _ir.Actions[p].Count; }
            return "(" + string.Join(", ", names) + ")";
        }

        /// <summary>Checks that nested lists have one level per player and one entry per action at each level.</summary>
        private bool CheckTableShape(object value, string who, BoundPayoff payoff)
        {
            int n = _ir.Players.Count;
            if (payoff.Depth != n)
            {
                Error(n > 2 ? DiagnosticIds.GameJointActionNotCovered : DiagnosticIds.GamePayoffShape,
                    $"the payoff table of player '{who}' has {payoff.Depth} level{(payoff.Depth == 1 ? "" : "s")} of lists, but the game has {n} players ({ShapeOfPlayers()} actions): index it [{string.Join("][", _ir.Players)}]",
                    payoff.Span);
                return false;
            }
            // Ragged rows first (a row shorter than its neighbours), then the shape against the players' actions.
            var lengths = new List<int>[n];
            for (int d = 0; d < n; d++) lengths[d] = new List<int>();
            Collect(value, 0, lengths);
            for (int d = 1; d < n; d++)
                if (lengths[d].Distinct().Count() > 1)
                {
                    Error(DiagnosticIds.GameRaggedRows,
                        $"the payoff table of player '{who}' has rows of different lengths ({string.Join(", ", lengths[d].Distinct())}) at level {d + 1}; every row needs {_ir.Actions[d].Count} entries, one per action of '{_ir.Players[d]}'",
                        payoff.Span);
                    return false;
                }
            var shape = string.Join("x", lengths.Select(l => l[0]));
            if (shape != ShapeOfPlayers())
            {
                var actions = string.Join(", ", _ir.Players.Select((p, i) => $"{p}: {_ir.Actions[i].Count}"));
                Error(n > 2 ? DiagnosticIds.GameJointActionNotCovered : DiagnosticIds.GamePayoffShape,
                    n > 2
                        ? $"the payoff table of player '{who}' is {shape}, so it does not cover every joint action of the {ShapeOfPlayers()} game ({actions})"
                        : $"the payoff matrix of player '{who}' is {shape}, but the players have {ShapeOfPlayers()} actions ({actions}); the matrix needs one row per action of '{_ir.Players[0]}' and one column per action of '{_ir.Players[1]}'",
                    payoff.Span);
                return false;
            }
            return true;
        }

        private static void Collect(object value, int depth, List<int>[] lengths)
        {
            if (depth >= lengths.Length || value is not object[] list) return;
            lengths[depth].Add(list.Length);
            foreach (var item in list) Collect(item, depth + 1, lengths);
        }

        private static void Flatten(object value, List<double> into)
        {
            if (value is object[] list) foreach (var item in list) Flatten(item, into);
            else into.Add(ConstantEvaluator.ToReal(value));
        }

        /// <summary>Nested comprehensions over the index variables (first outermost), so the evaluator computes a whole table.</summary>
        private static BoundExpr Loops(BoundExpr body, IReadOnlyList<(LocalSymbol Var, long Lo, long Hi)> vars)
        {
            var e = body;
            for (int k = vars.Count - 1; k >= 0; k--)
                e = new BoundLoop(false, vars[k].Var, new BoundLiteral(vars[k].Lo, RType.Int, body.Span), new BoundLiteral(vars[k].Hi, RType.Int, body.Span), e, RType.ListOf(e.Type), body.Span);
            return e;
        }

        // ---- Preference ------------------------------------------------------------------------

        private void LowerPreference()
        {
            if (!LowerPlayers()) return;
            int n = _ir.Actions[0].Count;
            // Both sides choose among the same actions: the row side maximizes and the column side minimizes P.
            var actions = _ir.Actions[0];
            _ir.Players.Clear();
            _ir.Players.AddRange(new[] { "row", "column" });
            _ir.Actions.Add(actions);
            if (!TryEval(_m.Preference!, out var v)) return;
            var rows = (object[])v;
            if (rows.Length != n || rows.Any(r => ((object[])r).Length != n))
            {
                var shape = rows.Select(r => ((object[])r).Length).Distinct().ToList();
                Error(DiagnosticIds.GamePayoffShape,
                    $"the preference matrix is {rows.Length}x{(shape.Count == 1 ? shape[0].ToString(CultureInfo.InvariantCulture) : "(" + string.Join("/", shape) + ")")}, but '{_ir.Players[0]}' has {n} actions: it must be {n}x{n}",
                    _m.PreferenceSpan);
                return;
            }
            var p = new double[n * n];
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) p[a * n + b] = ConstantEvaluator.ToReal(((object[])rows[a])[b]);
            var names = _ir.Actions[0];
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                {
                    double x = p[a * n + b];
                    if (!(x >= 0 && x <= 1))
                    {
                        Error(DiagnosticIds.GamePreferenceNotProbability, $"P[{names[a]}][{names[b]}] = {Show(x)} is not a probability in [0, 1]", _m.PreferenceSpan);
                        return;
                    }
                    if (b >= a && Math.Abs(x + p[b * n + a] - 1) > Tolerance)
                    {
                        Error(DiagnosticIds.GamePreferenceNotComplementary,
                            $"P[{names[a]}][{names[b]}] + P[{names[b]}][{names[a]}] = {Show(x)} + {Show(p[b * n + a])} = {Show(x + p[b * n + a])}, but a preference matrix needs P[a][b] + P[b][a] = 1 (so 0.5 on the diagonal)",
                            _m.PreferenceSpan);
                        return;
                    }
                }
            _ir.Preference = p;
        }

        // ---- Congestion ------------------------------------------------------------------------

        private void LowerCongestion()
        {
            var facilityIndex = new Dictionary<string, int>();
            foreach (var f in _m.Facilities) { facilityIndex[f.Name] = _ir.Facilities.Count; _ir.Facilities.Add(f.Name); }
            var perPlayer = new List<IReadOnlyList<CongestionStrategy>>();
            if (_m.PlayerCount != null)
            {
                if (!TryEval(_m.PlayerCount, out var v)) return;
                long count = (long)v;
                if (count < 1 || count > 64)
                {
                    var (at, note) = _b.Blame(_m.PlayerCount.Span, _m.PlayerCount);
                    Error(DiagnosticIds.GamePlayerCount, $"the game has {count} players{note}; a congestion game here has 1..64", at);
                    return;
                }
                for (int p = 0; p < count; p++) { _ir.Players.Add("p" + (p + 1).ToString(CultureInfo.InvariantCulture)); perPlayer.Add(_m.SharedStrategies!); }
            }
            else
                foreach (var p in _m.Players) { _ir.Players.Add(p.Name); perPlayer.Add(p.Strategies!); }
            int n = _ir.Players.Count;
            foreach (var strategies in perPlayer)
            {
                var sets = new List<int[]>();
                var names = new List<string>();
                foreach (var s in strategies)
                {
                    var set = new List<int>();
                    foreach (var id in s.Facilities)
                    {
                        if (!facilityIndex.TryGetValue(id.Text, out int f))
                        {
                            Error(DiagnosticIds.GameUnknownFacility, $"unknown facility '{id.Text}'; the facilities are {(_ir.Facilities.Count == 0 ? "not declared (add `facility road = load`)" : string.Join(", ", _ir.Facilities))}", id.Span);
                            return;
                        }
                        if (set.Contains(f))
                        {
                            Error(DiagnosticIds.GameSettingShape, $"facility '{id.Text}' appears twice in one strategy; list it once", id.Span);
                            return;
                        }
                        set.Add(f);
                    }
                    sets.Add(set.ToArray());
                    names.Add(string.Join("+", s.Facilities.Select(x => x.Text)));
                }
                _ir.Strategies.Add(sets.ToArray());
                _ir.Actions.Add(names);
            }
            foreach (var f in _m.Facilities)
            {
                if (!TryEval(Loops(f.Cost, new[] { (f.Load, 1L, (long)n) }), out var v)) return;
                var costs = ((object[])v).Select(ConstantEvaluator.ToReal).ToArray();
                for (int k = 0; k < costs.Length; k++)
                    if (!IsPayoff(costs[k]))
                    {
                        Error(DiagnosticIds.GameNonFinite, $"facility '{f.Name}' costs {Show(costs[k])} at load {k + 1}; costs must be finite numbers of magnitude at most 1e150 (rescale the costs)", f.Span);
                        return;
                    }
                _ir.FacilityCosts.Add(costs);
                _ir.FacilitySources.Add(_source.Quote(f.Cost.Span));
            }
        }

        // ---- Markov ----------------------------------------------------------------------------

        private void LowerMarkov(CancellationToken ct)
        {
            if (!LowerPlayers() || _m.State is null) return;
            if (!TryEval(_m.StateLo!, out var loV) || !TryEval(_m.StateHi!, out var hiV)) return;
            long lo = (long)loV, hi = (long)hiV;
            if (hi < lo || hi - lo + 1 > 100_000)
            {
                var (at, note) = _b.Blame(_m.StateSpan, _m.StateLo, _m.StateHi);
                Error(DiagnosticIds.MarkovStateRange, $"the state range {lo}..{hi} has {Math.Max(0, hi - lo + 1)} states{note}; a Markov game needs 1..100,000 states", at);
                return;
            }
            int S = (int)(hi - lo + 1), m = _ir.Actions[0].Count, nc = _ir.Actions[1].Count;
            if ((long)S * m * nc > MaxJointActions)
            {
                Error(DiagnosticIds.GameTooLarge, $"the game has {(long)S * m * nc:N0} (state, action, action) triples; at most {MaxJointActions:N0}", _b.Node.NameSpan);
                return;
            }
            for (long s = lo; s <= hi; s++) _ir.States.Add(_m.State.Name + "=" + s.ToString(CultureInfo.InvariantCulture));
            if (_m.Discount != null)
            {
                if (!TryEval(_m.Discount, out var g)) return;
                double gamma = ConstantEvaluator.ToReal(g);
                if (!(gamma >= 0 && gamma < 1))
                {
                    Error(DiagnosticIds.MarkovDiscountRange, $"the discount is {Show(gamma)}; a discounted Markov game needs 0 <= discount < 1 (or use `horizon H`)", _m.CriterionSpan);
                    return;
                }
                _ir.Discount = gamma;
            }
            else
            {
                if (!TryEval(_m.Horizon!, out var h)) return;
                long horizon = (long)h;
                if (horizon < 1 || horizon > 1_000_000)
                {
                    Error(DiagnosticIds.MarkovStateRange, $"the horizon is {horizon}; it must be 1..1,000,000 stages", _m.CriterionSpan);
                    return;
                }
                _ir.Horizon = (int)horizon;
                _ir.Discount = 1;
            }
            var vars = new List<(LocalSymbol, long, long)> { (_m.State, lo, hi), (_m.Players[0].Action, 0, m - 1), (_m.Players[1].Action, 0, nc - 1) };
            double[] Table(BoundExpr e, out bool ok)
            {
                ok = TryEval(Loops(e, vars), out var v);
                var flat = new List<double>();
                if (ok) Flatten(v, flat);
                return flat.ToArray();
            }
            // Payoffs: the row player's, or the negative of the column player's.
            var rowPayoff = _m.Payoffs.FirstOrDefault(p => p.Player == 0)!;
            double[] payoffs;
            if (rowPayoff.IsTable)
            {
                Error(DiagnosticIds.GameSettingShape, $"a Markov game's payoff is a number read from the state and both actions, e.g. `payoff {_ir.Players[0]} = if {_m.State.Name} == 0 then 1 else 0`", rowPayoff.Span);
                return;
            }
            payoffs = Table(rowPayoff.Value, out bool good);
            if (!good) return;
            for (int k = 0; k < payoffs.Length; k++)
                if (!IsPayoff(payoffs[k]))
                {
                    Error(DiagnosticIds.GameNonFinite, $"the payoff at {Triple(k, lo, m, nc)} is {Show(payoffs[k])}; {PayoffRule}", rowPayoff.Span);
                    return;
                }
            if (_m.Payoffs.FirstOrDefault(p => p.Player == 1) is { } colPayoff)
            {
                var b = Table(colPayoff.Value, out good);
                if (!good) return;
                for (int k = 0; k < b.Length; k++)
                    if (Math.Abs(payoffs[k] + b[k]) > Tolerance * Math.Max(1, Math.Abs(payoffs[k])))
                    {
                        Error(DiagnosticIds.GameZeroSumMismatch, $"a Markov game here is zero-sum, but at {Triple(k, lo, m, nc)} the payoffs are {Show(payoffs[k])} and {Show(b[k])}; give only the row player's payoff", colPayoff.Span);
                        return;
                    }
            }
            ct.ThrowIfCancellationRequested();
            // Rules: guards, successors and probabilities over every (s, a, b); the first rule whose guard holds applies.
            var guards = new List<bool[]>();
            var succ = new List<List<double[]?>>();
            var prob = new List<List<double[]?>>();
            foreach (var rule in _m.Rules)
            {
                if (rule.Guard is null) guards.Add(Enumerable.Repeat(true, S * m * nc).ToArray());
                else
                {
                    if (!TryEval(Loops(rule.Guard, vars), out var gv)) return;
                    var flat = new List<object>();
                    FlattenObjects(gv, flat);
                    guards.Add(flat.Select(x => (bool)x).ToArray());
                }
                var ss = new List<double[]?>();
                var ps = new List<double[]?>();
                foreach (var br in rule.Branches)
                {
                    if (br.Probability is null && rule.Branches.Count > 1)
                    {
                        Error(DiagnosticIds.GameSettingShape, "each branch of a rule with several outcomes needs its probability: `s' = 1 @ 0.5 | stay @ 0.5`", br.Span);
                        return;
                    }
                    // Guarded by the rule's guard, so an expression that only makes sense where the rule applies is not evaluated elsewhere.
                    ss.Add(br.Successor is null ? null : Table(Guarded(rule.Guard, br.Successor), out good));
                    if (!good) return;
                    ps.Add(br.Probability is null ? null : Table(Guarded(rule.Guard, br.Probability), out good));
                    if (!good) return;
                }
                succ.Add(ss);
                prob.Add(ps);
            }
            var start = new List<int> { 0 };
            var next = new List<int>();
            var probs = new List<double>();
            var row = new Dictionary<int, double>();
            for (int k = 0; k < S * m * nc; k++)
            {
                int r = guards.FindIndex(g => g[k]);
                if (r < 0)
                {
                    Error(DiagnosticIds.MarkovNoRule, $"no `play` rule applies at {Triple(k, lo, m, nc)}; add a rule for it, or a last rule without a guard (`play: stay`)", _b.Node.NameSpan);
                    return;
                }
                row.Clear();
                double total = 0;
                for (int br = 0; br < succ[r].Count; br++)
                {
                    long target = succ[r][br] is { } t ? (long)t[k] : lo + k / (m * nc);
                    double p = prob[r][br] is { } pp ? pp[k] : 1;
                    var span = _m.Rules[r].Branches[br].Span;
                    if (target < lo || target > hi)
                    {
                        Error(DiagnosticIds.MarkovSuccessorOutOfRange, $"at {Triple(k, lo, m, nc)} this rule moves to {_m.State.Name} = {target}, outside {lo}..{hi}", span);
                        return;
                    }
                    if (!(p >= 0 && p <= 1))
                    {
                        Error(DiagnosticIds.MarkovProbabilityRange, $"at {Triple(k, lo, m, nc)} this branch has probability {Show(p)}, not in [0, 1]", span);
                        return;
                    }
                    total += p;
                    int key = (int)(target - lo);
                    row[key] = row.TryGetValue(key, out var q) ? q + p : p;
                }
                if (Math.Abs(total - 1) > Tolerance)
                {
                    Error(DiagnosticIds.MarkovProbabilitySum, $"at {Triple(k, lo, m, nc)} the probabilities of this rule sum to {Show(total)}, not 1", _m.Rules[r].Span);
                    return;
                }
                foreach (var pair in row.OrderBy(x => x.Key)) { next.Add(pair.Key); probs.Add(pair.Value); }
                start.Add(next.Count);
            }
            // The initial distribution: `init s = 0 @ 0.5 | s = 1 @ 0.5`, or the first state.
            var init = new double[S];
            if (_m.Init.Count == 0) init[0] = 1;
            else
            {
                double total = 0;
                foreach (var (value, p, span) in _m.Init)
                {
                    if (!TryEval(value, out var sv)) return;
                    double pr = 1;
                    if (p != null) { if (!TryEval(p, out var pv)) return; pr = ConstantEvaluator.ToReal(pv); }
                    long s = (long)sv;
                    if (s < lo || s > hi || !(pr >= 0 && pr <= 1))
                    {
                        Error(DiagnosticIds.MarkovInitialDistribution, s < lo || s > hi ? $"the initial state {s} is outside {lo}..{hi}" : $"the initial probability {Show(pr)} is not in [0, 1]", span);
                        return;
                    }
                    init[s - lo] += pr;
                    total += pr;
                }
                if (Math.Abs(total - 1) > Tolerance)
                {
                    Error(DiagnosticIds.MarkovInitialDistribution, $"the initial probabilities sum to {Show(total)}, not 1", _m.Init[0].Span);
                    return;
                }
            }
            _ir.MarkovPayoffs = payoffs;
            _ir.TransitionStart = start.ToArray();
            _ir.NextStates = next.ToArray();
            _ir.Probabilities = probs.ToArray();
            _ir.Initial = init;
            _ir.PayoffSources.Add(_source.Quote(rowPayoff.Span));
            foreach (var rule in _m.Rules) _ir.RuleSources.Add(_source.Quote(rule.Span));
        }

        private static BoundExpr Guarded(BoundExpr? guard, BoundExpr value) =>
            guard is null ? value : new BoundIf(guard, value, new BoundLiteral(value.Type.Kind == TypeKind.Int ? (object)0L : 0.0, value.Type, value.Span), value.Type, value.Span);

        private static void FlattenObjects(object value, List<object> into)
        {
            if (value is object[] list) foreach (var item in list) FlattenObjects(item, into);
            else into.Add(value);
        }

        private string Triple(int k, long lo, int m, int n) =>
            $"{_m.State!.Name} = {lo + k / (m * n)}, {_ir.Players[0]} = {_ir.Actions[0][k / n % m]}, {_ir.Players[1]} = {_ir.Actions[1][k % n]}";
    }
}
