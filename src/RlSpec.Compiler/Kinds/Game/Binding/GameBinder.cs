using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Game.Binding
{
    /// <summary>
    /// The game kind's bind stage: after the shared binder has bound params and lets, reads the settings
    /// (<c>player</c>, <c>payoff</c>, <c>random</c>, <c>temperature</c>, <c>preference</c>, <c>facility</c>, <c>players</c>,
    /// <c>strategies</c>) and, for Markov games, the state variable, criterion, <c>init</c> and <c>play</c> rules; decides the
    /// form from the modifiers and the number of players; binds every expression with the players' names (and the
    /// state) as index variables. Numbers are checked in lowering.
    /// </summary>
    internal sealed class GameBinder
    {
        /// <summary>The setting names a game declares.</summary>
        public static readonly HashSet<string> SettingWords = new HashSet<string>
        {
            "player", "payoff", "random", "temperature", "preference", "facility", "players", "strategies",
        };

        /// <summary>The action word of a Markov game's transition rules: <c>play when s == 0 &amp;&amp; row == col: s' = 1</c>.</summary>
        public const string PlayWord = "play";

        /// <summary>The index variable of a facility's cost: the number of players using it.</summary>
        public const string LoadWord = "load";

        /// <summary>What payoffs, guards and successors may read.</summary>
        private const Dep Values = Dep.Param | Dep.Local;

        private readonly Binder _b;
        private readonly BoundGame _m;
        private readonly List<(string Name, LocalSymbol Local)> _scope = new List<(string, LocalSymbol)>();

        /// <summary>Players whose declaration had an error: a payoff naming one is not reported again.</summary>
        private readonly HashSet<string> _failedPlayers = new HashSet<string>();

        private GameBinder(Binder binder)
        {
            _b = binder;
            _m = new BoundGame(binder.Model);
        }

        public static BoundGame Bind(Binder binder) => new GameBinder(binder).Run();

        private bool Has(string modifier) => _b.Model.Modifiers.Contains(modifier);

        private BoundGame Run()
        {
            var members = _b.Node.Members;
            if (!DecideModifiers()) return _m;
            bool congestion = _m.Form == GameForm.Congestion;
            // Players first: their names are what payoffs and rules read.
            foreach (var s in members.OfType<SettingNode>().Where(s => s.Key.Text == "player")) BindPlayer(s, congestion);
            if (_m.Form == GameForm.Markov) BindState(members);
            foreach (var member in members)
            {
                switch (member)
                {
                    case SettingNode s when s.Key.Text == "payoff": BindPayoff(s); break;
                    case SettingNode s when s.Key.Text == "random": BindRandom(s); break;
                    case SettingNode s when s.Key.Text == "temperature": BindTemperature(s); break;
                    case SettingNode s when s.Key.Text == "preference": BindPreference(s); break;
                    case SettingNode s when s.Key.Text == "facility": BindFacility(s); break;
                    case SettingNode s when s.Key.Text == "players": BindPlayerCount(s); break;
                    case SettingNode s when s.Key.Text == "strategies": BindStrategies(s); break;
                    case DiscountNode d: BindCriterion(d.Value, d.Span, discount: true); break;
                    case HorizonNode h: BindCriterion(h.Value, h.Span, discount: false); break;
                    case InitNode i: BindInit(i); break;
                    case RuleNode r: BindRule(r); break;
                }
            }
            CheckWhatTheFormNeeds();
            return _m;
        }

        // ---- Form ------------------------------------------------------------------------------

        private bool DecideModifiers()
        {
            var forms = new[] { GameKind.Markov, GameKind.Congestion, GameKind.Preference, GameKind.Symmetric }.Where(Has).ToList();
            bool zeroSum = Has(GameKind.ZeroSum);
            if (forms.Count > 1 || (zeroSum && (Has(GameKind.Congestion) || Has(GameKind.Preference) || Has(GameKind.Symmetric))))
            {
                var all = (zeroSum ? new[] { GameKind.ZeroSum } : new string[0]).Concat(forms);
                _b.Error(DiagnosticIds.GameModifierConflict,
                    $"the modifiers {string.Join(", ", all)} do not combine; a game is one of zero_sum, symmetric, preference, congestion or markov (a markov game may also say zero_sum)",
                    _b.Node.NameSpan);
                return false;
            }
            int players = _b.Node.Members.OfType<SettingNode>().Count(s => s.Key.Text == "player");
            _m.Form = Has(GameKind.Markov) ? GameForm.Markov
                : Has(GameKind.Congestion) ? GameForm.Congestion
                : Has(GameKind.Preference) ? GameForm.Preference
                : Has(GameKind.Symmetric) ? GameForm.Symmetric
                : zeroSum ? GameForm.ZeroSum
                : players > 2 ? GameForm.NPlayer : GameForm.Bimatrix;
            return true;
        }

        private void CheckWhatTheFormNeeds()
        {
            // One mistake, one diagnostic: after an error in a member, what the form misses may only be its consequence.
            if (_b.Model.HasErrors) return;
            var name = _b.Node.NameSpan;
            int players = _m.Players.Count;
            switch (_m.Form)
            {
                case GameForm.Preference:
                    if (players != 1)
                        _b.Error(DiagnosticIds.GamePlayerCount, $"a preference game declares its actions once, for both sides: `player responses(a, b, c)`; it has {players} player declarations", name);
                    if (_m.Preference is null)
                        _b.Error(DiagnosticIds.GameMissingPayoff, $"preference game '{_m.Name}' needs its matrix: `preference [[0.5, 0.7], [0.3, 0.5]]` (P[a][b] = probability that a beats b)", name);
                    if (_m.Payoffs.Count > 0 || _m.Random != null)
                        _b.Error(DiagnosticIds.GameSettingShape, "a preference game's payoffs are its preference matrix; remove `payoff` and `random`", (_m.Payoffs.Count > 0 ? _m.Payoffs[0].Span : _m.Random!.Span));
                    break;
                case GameForm.Congestion:
                    if (_m.Facilities.Count == 0)
                        _b.Error(DiagnosticIds.GameMissingPayoff, $"congestion game '{_m.Name}' needs facilities with costs: `facility road = 2 * load`", name);
                    if (players == 0 && _m.PlayerCount is null)
                        _b.Error(DiagnosticIds.GamePlayerCount, $"congestion game '{_m.Name}' needs players: `players 4` with `strategies a, b, [a, c]`, or `player p1(a, [b, c])` per player", name);
                    if (players > 0 && _m.PlayerCount != null)
                        _b.Error(DiagnosticIds.GameSettingShape, "declare the players either with `players n` (all sharing `strategies`) or with one `player` each, not both", name);
                    if (_m.PlayerCount != null && _m.SharedStrategies is null)
                        _b.Error(DiagnosticIds.GameSettingShape, "`players n` needs the strategies they share: `strategies a, b, [a, c]` (a facility or a list of facilities each)", name);
                    break;
                case GameForm.Markov:
                    if (players != 2)
                        _b.Error(DiagnosticIds.GamePlayerCount, $"a Markov game has two players (the row player maximizes, the column player minimizes); it declares {players}", name);
                    else if (!_m.Payoffs.Any(p => p.Player == 0))
                        _b.Error(DiagnosticIds.GameMissingPayoff, $"Markov game '{_m.Name}' needs the row player's payoff: `payoff {_m.Players[0].Name} = ...` reading the state and both actions", name);
                    if (_m.Discount is null && _m.Horizon is null)
                        _b.Error(DiagnosticIds.GameMissingPayoff, "a Markov game needs a criterion: `discount 0.9` or `horizon 10`", name);
                    if (_m.Rules.Count == 0)
                        _b.Error(DiagnosticIds.GameMissingPayoff, "a Markov game needs transition rules: `play when s == 0 && row == col: s' = 1 @ 0.5 | stay @ 0.5` (the first rule whose guard holds applies)", name);
                    break;
                default:
                    if (players < 2)
                        _b.Error(DiagnosticIds.GamePlayerCount, $"game '{_m.Name}' declares {players} player{(players == 1 ? "" : "s")}; a game needs at least two, e.g. `player row(rock, paper, scissors)`", name);
                    else if ((_m.Form == GameForm.ZeroSum || _m.Form == GameForm.Symmetric) && players != 2)
                        _b.Error(DiagnosticIds.GamePlayerCount, $"a {(_m.Form == GameForm.ZeroSum ? "zero_sum" : "symmetric")} game has two players; this one declares {players}", name);
                    else if (_m.Random is null)
                    {
                        int needed = _m.Form == GameForm.ZeroSum || _m.Form == GameForm.Symmetric ? 1 : players;
                        for (int p = 0; p < players && p < needed; p++)
                            if (!_m.Payoffs.Any(x => x.Player == p))
                                _b.Error(DiagnosticIds.GameMissingPayoff,
                                    needed == 1
                                        ? $"the {(_m.Form == GameForm.ZeroSum ? "zero-sum" : "symmetric")} game '{_m.Name}' needs the row player's payoff: `payoff {_m.Players[0].Name} = [[...]]`"
                                        : $"player '{_m.Players[p].Name}' has no payoff; add `payoff {_m.Players[p].Name} = ...` (a table indexed by the actions in player order, or a number read from the players' names)",
                                    _m.Players[p].Span);
                        if (_m.Form == GameForm.Symmetric && _m.Payoffs.Any(x => x.Player == 1))
                            _b.Error(DiagnosticIds.GameSettingShape, $"in a symmetric game the column player's payoff is the transpose of the row player's; remove `payoff {_m.Players[1].Name}`", _m.Payoffs.First(x => x.Player == 1).Span);
                    }
                    else if (_m.Payoffs.Count > 0)
                        _b.Error(DiagnosticIds.GameSettingShape, "a random game draws its payoffs; remove `payoff` or `random`", _m.Payoffs[0].Span);
                    break;
            }
            if (_m.Form != GameForm.Markov)
            {
                foreach (var member in _b.Node.Members)
                    if (member is RangeStateVarNode or DiscountNode or HorizonNode or InitNode or RuleNode)
                        _b.Error(DiagnosticIds.GameSettingShape, $"states, discount, horizon, init and play rules belong to Markov games; declare `game {_m.Name} markov {{ ... }}`", member.Span);
            }
            if (_m.Form != GameForm.Congestion)
            {
                foreach (var s in _b.Node.Members.OfType<SettingNode>().Where(s => s.Key.Text is "facility" or "players" or "strategies"))
                    _b.Error(DiagnosticIds.GameSettingShape, $"`{s.Key.Text}` belongs to congestion games; declare `game {_m.Name} congestion {{ ... }}`", s.Key.Span);
            }
        }

        // ---- Players ---------------------------------------------------------------------------

        private void BindPlayer(SettingNode s, bool congestion)
        {
            if (s.Arguments.Count > 0 && s.Arguments[0].Value is NameExpr bare) _failedPlayers.Add(bare.Name);
            if (s.Arguments.Count != 1 || s.Arguments[0].Name != null || s.Arguments[0].Value is not CallExpr call || call.Arguments.Count == 0 || call.Arguments.Any(a => a.Name != null))
            {
                _b.Error(DiagnosticIds.GameSettingShape,
                    congestion ? "a congestion player lists its feasible strategies: `player p1(top, bottom, [top, middle])`"
                        : "a player is its name and its actions: `player row(rock, paper, scissors)`, or a number of actions: `player row(10)`",
                    s.Span);
                return;
            }
            var name = call.Function;
            _failedPlayers.Add(name.Text);
            if (_m.Players.Any(p => p.Name == name.Text))
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"player '{name.Text}' is declared twice; rename one", name.Span);
                return;
            }
            if (_b.IsDeclared(name.Text))
            {
                _b.TryGetSymbol(name.Text, out var existing);
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"player '{name.Text}' has the name of the {existing.What} '{name.Text}'; rename one", name.Span);
                return;
            }
            if (!_b.CheckUserName(name.Text, name.Span)) return;
            var local = new LocalSymbol(name.Text, name.Span);
            if (congestion)
            {
                var strategies = Strategies(call.Arguments.Select(a => a.Value).ToList());
                if (strategies != null) Add(new BoundPlayer(name.Text, name.Span, local, null, null, strategies));
                return;
            }
            var args = call.Arguments.Select(a => a.Value).ToList();
            bool names = args.All(a => a is NameExpr { Primed: false }) && !(args.Count == 1 && _b.IsDeclared(((NameExpr)args[0]).Name));
            if (names)
            {
                var ids = args.Cast<NameExpr>().Select(n => new Identifier(n.Name, n.Span)).ToList();
                var seen = new HashSet<string>();
                foreach (var id in ids)
                    if (!seen.Add(id.Text))
                    {
                        _b.Error(DiagnosticIds.GameDuplicateAction, $"player '{name.Text}' lists the action '{id.Text}' twice; action names must differ", id.Span);
                        return;
                    }
                Add(new BoundPlayer(name.Text, name.Span, local, ids, null, null));
            }
            else if (args.Count == 1)
            {
                var count = _b.Constant(args[0], RType.Int, "a player's number of actions");
                if (!count.HasError) Add(new BoundPlayer(name.Text, name.Span, local, null, count, null));
            }
            else
                _b.Error(DiagnosticIds.GameSettingShape, "a player's actions are names (`player row(up, down)`) or one number (`player row(10)`), not a mixture", call.Span);
        }

        private void Add(BoundPlayer player)
        {
            _failedPlayers.Remove(player.Name);
            _m.Players.Add(player);
        }

        /// <summary>Congestion strategies: each a facility name or a list of them.</summary>
        private List<CongestionStrategy>? Strategies(IReadOnlyList<ExprNode> args)
        {
            var result = new List<CongestionStrategy>();
            foreach (var a in args)
            {
                if (a is NameExpr { Primed: false } n) result.Add(new CongestionStrategy(new[] { new Identifier(n.Name, n.Span) }, a.Span));
                else if (a is ListExpr l && l.Elements.Count > 0 && l.Elements.All(e => e is NameExpr { Primed: false }))
                    result.Add(new CongestionStrategy(l.Elements.Cast<NameExpr>().Select(e => new Identifier(e.Name, e.Span)).ToList(), a.Span));
                else
                {
                    _b.Error(DiagnosticIds.GameSettingShape, "a congestion strategy is a facility's name or a nonempty list of them, e.g. `top` or `[top, middle]`", a.Span);
                    return null;
                }
            }
            return result;
        }

        private void PushPlayers()
        {
            _scope.Clear();
            if (_m.State != null) _scope.Add((_m.State.Name, _m.State));
            foreach (var p in _m.Players) _scope.Add((p.Name, p.Action));
            foreach (var (n, l) in _scope) _b.PushLocal(n, l);
        }

        private void PopPlayers()
        {
            for (int k = 0; k < _scope.Count; k++) _b.PopLocal();
        }

        // ---- Payoffs ---------------------------------------------------------------------------

        private void BindPayoff(SettingNode s)
        {
            foreach (var arg in s.Arguments)
            {
                if (arg.Name is null)
                {
                    _b.Error(DiagnosticIds.GameSettingShape, "name whose payoff this is: `payoff row = [[...]]`", arg.Span);
                    continue;
                }
                int player = _m.Players.FindIndex(p => p.Name == arg.Name.Text);
                if (player < 0 && _failedPlayers.Contains(arg.Name.Text)) { _b.MarkFailed(); continue; }
                if (player < 0)
                {
                    _b.Error(DiagnosticIds.GameUnknownPlayer,
                        $"unknown player '{arg.Name.Text}'; the players are {(_m.Players.Count == 0 ? "not declared (add `player row(...)`)" : string.Join(", ", _m.Players.Select(p => p.Name)))}",
                        arg.Name.Span);
                    continue;
                }
                if (_m.Payoffs.FirstOrDefault(p => p.Player == player) is { } earlier)
                {
                    _b.Error(DiagnosticIds.DuplicateDeclaration, $"the payoff of player '{arg.Name.Text}' is already declared at line {earlier.Span.Line}; keep one", arg.Span);
                    continue;
                }
                PushPlayers();
                var value = _b.Bind(arg.Value);
                PopPlayers();
                if (value.HasError) { _b.MarkFailed(); continue; }
                int depth = 0;
                var t = value.Type;
                while (t.Kind == TypeKind.List) { depth++; t = t.Element!; }
                var expected = RType.Real;
                for (int k = 0; k < depth; k++) expected = RType.ListOf(expected);
                var checkedValue = _b.Check(value, expected, depth > 0 ? Dep.Param : Values, $"the payoff of player '{arg.Name.Text}'");
                if (checkedValue.HasError) continue;
                _m.Payoffs.Add(new BoundPayoff(player, checkedValue, depth > 0, depth, arg.Span));
            }
        }

        private void BindRandom(SettingNode s)
        {
            if (_m.Random != null)
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the random payoffs are already declared at line {_m.Random.Span.Line}; keep one", s.Span);
                return;
            }
            var dist = s.Arguments.FirstOrDefault(a => a.Name is null)?.Value as CallExpr;
            var seed = s.Arguments.FirstOrDefault(a => a.Name?.Text == "seed");
            if (dist is null || !(dist.Function.Text is "gaussian" or "uniform") || dist.Arguments.Count > 2 || dist.Arguments.Count == 1 || seed is null
                || s.Arguments.Count != 2 || dist.Arguments.Any(a => a.Name != null))
            {
                _b.Error(DiagnosticIds.GameSettingShape,
                    "a random game is `random gaussian(mean, sd), seed = 7` or `random uniform(lo, hi), seed = 7` (gaussian() is standard normal, uniform() is [0, 1))", s.Span);
                return;
            }
            bool gaussian = dist.Function.Text == "gaussian";
            BoundExpr first = dist.Arguments.Count == 2 ? _b.Constant(dist.Arguments[0].Value, RType.Real, gaussian ? "the mean" : "the lower bound") : new BoundLiteral(0.0, RType.Real, dist.Span);
            BoundExpr second = dist.Arguments.Count == 2 ? _b.Constant(dist.Arguments[1].Value, RType.Real, gaussian ? "the standard deviation" : "the upper bound") : new BoundLiteral(1.0, RType.Real, dist.Span);
            var seedValue = _b.Constant(seed.Value, RType.Int, "the seed");
            if (first.HasError || second.HasError || seedValue.HasError) return;
            _m.Random = new BoundRandomPayoffs(dist.Function.Text, first, second, seedValue, s.Span);
        }

        private void BindTemperature(SettingNode s)
        {
            if (_m.Temperature != null)
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the temperature is already declared at line {_m.TemperatureSpan.Line}; keep one", s.Span);
                return;
            }
            if (s.Arguments.Count != 1 || s.Arguments[0].Name != null)
            {
                _b.Error(DiagnosticIds.GameSettingShape, "the regularization temperature is one number: `temperature 0.1`", s.Span);
                return;
            }
            var t = _b.Constant(s.Arguments[0].Value, RType.Real, "the temperature");
            if (t.HasError) return;
            _m.Temperature = t;
            _m.TemperatureSpan = s.Arguments[0].Value.Span;
        }

        private void BindPreference(SettingNode s)
        {
            if (_m.Preference != null)
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the preference matrix is already declared at line {_m.PreferenceSpan.Line}; keep one", s.Span);
                return;
            }
            if (_m.Form != GameForm.Preference)
            {
                _b.Error(DiagnosticIds.GameSettingShape, $"a preference matrix belongs to a preference game; declare `game {_m.Name} preference {{ ... }}`", s.Key.Span);
                return;
            }
            if (s.Arguments.Count != 1 || s.Arguments[0].Name != null)
            {
                _b.Error(DiagnosticIds.GameSettingShape, "the preference matrix is one table: `preference [[0.5, 0.7], [0.3, 0.5]]`", s.Span);
                return;
            }
            var p = _b.Constant(s.Arguments[0].Value, RType.ListOf(RType.ListOf(RType.Real)), "the preference matrix");
            if (p.HasError) return;
            _m.Preference = p;
            _m.PreferenceSpan = s.Arguments[0].Value.Span;
        }

        // ---- Congestion ------------------------------------------------------------------------

        private void BindFacility(SettingNode s)
        {
            foreach (var arg in s.Arguments)
            {
                if (arg.Name is null)
                {
                    _b.Error(DiagnosticIds.GameSettingShape, $"a facility is its name and its cost as a function of the load: `facility road = 2 * {LoadWord} + 1`", arg.Span);
                    continue;
                }
                if (_m.Facilities.Any(f => f.Name == arg.Name.Text))
                {
                    _b.Error(DiagnosticIds.DuplicateDeclaration, $"facility '{arg.Name.Text}' is declared twice; rename one", arg.Name.Span);
                    continue;
                }
                var load = new LocalSymbol(LoadWord, arg.Name.Span);
                _b.PushLocal(load);
                var cost = _b.Check(_b.Bind(arg.Value), RType.Real, Values, $"the cost of facility '{arg.Name.Text}'");
                _b.PopLocal();
                if (!cost.HasError) _m.Facilities.Add(new BoundFacility(arg.Name.Text, arg.Name.Span, load, cost));
            }
        }

        private void BindPlayerCount(SettingNode s)
        {
            if (s.Arguments.Count != 1 || s.Arguments[0].Name != null)
            {
                _b.Error(DiagnosticIds.GameSettingShape, "the number of players is one number: `players 4`", s.Span);
                return;
            }
            var n = _b.Constant(s.Arguments[0].Value, RType.Int, "the number of players");
            if (!n.HasError) _m.PlayerCount = n;
        }

        private void BindStrategies(SettingNode s)
        {
            if (s.Arguments.Any(a => a.Name != null))
            {
                _b.Error(DiagnosticIds.GameSettingShape, "strategies are facility names or lists of them: `strategies top, bottom, [top, middle]`", s.Span);
                return;
            }
            _m.SharedStrategies = Strategies(s.Arguments.Select(a => a.Value).ToList());
            _m.StrategiesSpan = s.Span;
        }

        // ---- Markov ----------------------------------------------------------------------------

        private void BindState(IReadOnlyList<MemberNode> members)
        {
            var states = members.OfType<StateVarNode>().ToList();
            var range = states.OfType<RangeStateVarNode>().ToList();
            if (range.Count != 1 || states.Count != 1)
            {
                _b.Error(DiagnosticIds.GameSettingShape, "a Markov game has one state variable with a range: `state s in 0..N-1`", states.Count > 0 ? states[0].Span : _b.Node.NameSpan);
                return;
            }
            var v = range[0];
            if (_b.IsDeclared(v.Name.Text) || _m.Players.Any(p => p.Name == v.Name.Text))
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the state variable '{v.Name.Text}' has the name of another declaration; rename one", v.Name.Span);
                return;
            }
            var lo = _b.Constant(v.Lo, RType.Int, "the state's lower bound");
            var hi = _b.Constant(v.Hi, RType.Int, "the state's upper bound");
            if (lo.HasError || hi.HasError) return;
            _m.State = new LocalSymbol(v.Name.Text, v.Name.Span);
            _m.StateLo = lo;
            _m.StateHi = hi;
            _m.StateSpan = v.Span;
        }

        private void BindCriterion(ExprNode value, SourceSpan span, bool discount)
        {
            if (_m.Form != GameForm.Markov) return; // reported in CheckWhatTheFormNeeds
            if (_m.Discount != null || _m.Horizon != null)
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the criterion is already declared at line {_m.CriterionSpan.Line}; a Markov game is discounted or has a horizon, not both", span);
                return;
            }
            var e = _b.Constant(value, discount ? RType.Real : RType.Int, discount ? "the discount" : "the horizon");
            if (e.HasError) return;
            if (discount) _m.Discount = e; else _m.Horizon = e;
            _m.CriterionSpan = value.Span;
        }

        private void BindInit(InitNode node)
        {
            if (_m.Form != GameForm.Markov || _m.State is null) return;
            if (_m.Init.Count > 0)
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, "the initial distribution is already declared; list its branches in one `init`, separated by |", node.Span);
                return;
            }
            foreach (var branch in node.Branches)
            {
                if (branch.Assignments.Count != 1 || branch.Assignments[0].Name.Text != _m.State.Name)
                {
                    _b.Error(DiagnosticIds.GameSettingShape, $"an initial state assigns the state variable: `init {_m.State.Name} = 0`", branch.Span);
                    return;
                }
                var value = _b.Constant(branch.Assignments[0].Value, RType.Int, "the initial state");
                var p = branch.Probability is null ? null : _b.Constant(branch.Probability, RType.Real, "an initial probability");
                if (value.HasError || p?.HasError == true) return;
                _m.Init.Add((value, p, branch.Span));
            }
        }

        private void BindRule(RuleNode rule)
        {
            if (_m.Form != GameForm.Markov || _m.State is null) return;
            PushPlayers();
            try
            {
                var guard = rule.Guard is null ? null : _b.Check(_b.Bind(rule.Guard), RType.Bool, Values, "a rule's guard");
                if (guard?.HasError == true) return;
                var branches = new List<BoundPlayBranch>();
                foreach (var branch in rule.Branches)
                {
                    BoundExpr? successor = null;
                    if (!branch.IsStay)
                    {
                        if (branch.Assignments.Count != 1 || branch.Assignments[0].Name.Text != _m.State.Name)
                        {
                            _b.Error(DiagnosticIds.GameSettingShape, $"a Markov game's successor assigns its state variable: `{_m.State.Name}' = ...` (or `stay`)", branch.Span);
                            return;
                        }
                        successor = _b.Check(_b.Bind(branch.Assignments[0].Value), RType.Int, Values, "a successor state");
                        if (successor.HasError) return;
                    }
                    var p = branch.Probability is null ? null : _b.Check(_b.Bind(branch.Probability), RType.Real, Values, "a probability");
                    if (p?.HasError == true) return;
                    branches.Add(new BoundPlayBranch(successor, p, branch.Span));
                }
                _m.Rules.Add(new BoundPlayRule(guard, branches, rule.Span));
            }
            finally { PopPlayers(); }
        }
    }
}
