using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// Stage 2: resolves names, checks types and where each kind of value may be used, applies
    /// parameter overrides, and produces a <see cref="BoundModel"/> per model. Follows the
    /// error-node pattern: an expression that failed becomes <see cref="BoundError"/>, and nothing
    /// that contains it is reported again.
    /// </summary>
    internal sealed partial class Binder
    {
        /// <summary>Names the language gives a meaning (the step index, built-in functions).</summary>
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "t" };

        private readonly BoundModel _model;
        private readonly DiagnosticBag _diagnostics;
        private readonly IReadOnlyDictionary<string, string> _overrides;
        private readonly Dictionary<string, Symbol> _symbols = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        private readonly Dictionary<LetSymbol, LetNode> _letNodes = new Dictionary<LetSymbol, LetNode>();
        private readonly Dictionary<RandomSymbol, RandomNode> _randomNodes = new Dictionary<RandomSymbol, RandomNode>();
        private readonly HashSet<LetSymbol> _binding = new HashSet<LetSymbol>();
        private readonly List<(string Name, LocalSymbol Local)> _locals = new List<(string, LocalSymbol)>();
        private bool _hasHorizon;
        private int _errorsAtStart;

        private Binder(ModelNode node, IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics)
        {
            _model = new BoundModel(node);
            _overrides = overrides;
            _diagnostics = diagnostics;
        }

        public static List<BoundModel> Bind(FileNode file, IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            var result = new List<BoundModel>();
            var names = new Dictionary<string, ModelNode>(StringComparer.Ordinal);
            if (file.Models.Count == 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticIds.EmptyModel, Severity.Error,
                    "the file declares no model; start with e.g. `mdp MyModel { ... }`", SourceSpan.FileStart(file.Path)));
                return result;
            }
            foreach (var node in file.Models)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (names.TryGetValue(node.Name, out var first))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticIds.DuplicateModel, Severity.Error,
                        $"a model named '{node.Name}' is already declared at line {first.NameSpan.Line}; rename one of them", node.NameSpan));
                    continue;
                }
                names[node.Name] = node;
                if (node.Kind != "mdp")
                {
                    var hint = node.Kind is "bandit" or "game" or "problem" or "experiment"
                        ? $"'{node.Kind}' models are planned but not supported yet; this version compiles 'mdp' models"
                        : $"unknown model kind '{node.Kind}'; this version compiles 'mdp' models";
                    diagnostics.Add(new Diagnostic(DiagnosticIds.UnknownModelKind, Severity.Error, hint, node.KindSpan));
                    continue;
                }
                var binder = new Binder(node, overrides, diagnostics);
                result.Add(binder.BindModel());
            }
            foreach (var name in overrides.Keys)
            {
                bool known = file.Models.Any(m => m.Members.OfType<ParamNode>().Any(p => p.Name.Text == name));
                if (!known)
                {
                    var all = file.Models.SelectMany(m => m.Members.OfType<ParamNode>()).Select(p => p.Name.Text).Distinct().ToList();
                    diagnostics.Add(new Diagnostic(DiagnosticIds.UnknownParameterOverride, Severity.Error,
                        $"-p {name}=...: no model in this file has a parameter '{name}'" +
                        (all.Count > 0 ? $"; parameters are {string.Join(", ", all)}" : "; the models declare no parameters"),
                        SourceSpan.FileStart(file.Path)));
                }
            }
            return result;
        }

        // ---- Diagnostics ------------------------------------------------------------------------

        private void Error(string id, string message, SourceSpan span)
        {
            _diagnostics.Add(new Diagnostic(id, Severity.Error, message, span));
            _model.HasErrors = true;
        }

        /// <summary>Names starting with '_' are kept for the emitted code; 't' is the step index of finite-horizon models.</summary>
        private bool CheckUserName(string name, SourceSpan span)
        {
            if (name.StartsWith("_", StringComparison.Ordinal))
            {
                Error(DiagnosticIds.ReservedName, $"names starting with '_' are reserved; rename '{name}'", span);
                return false;
            }
            if (_hasHorizon && Reserved.Contains(name))
            {
                Error(DiagnosticIds.ReservedName, $"'{name}' is the step index of a finite-horizon model; choose another name", span);
                return false;
            }
            return true;
        }

        private void Warning(string id, string message, SourceSpan span) =>
            _diagnostics.Add(new Diagnostic(id, Severity.Warning, message, span));

        // ---- The model ----------------------------------------------------------------------------

        private BoundModel BindModel()
        {
            _errorsAtStart = _diagnostics.Count;
            var members = _model.Node.Members;
            _hasHorizon = members.OfType<HorizonNode>().Any();
            DeclareAll(members);
            foreach (var p in members.OfType<ParamNode>()) BindParam(p);
            foreach (var let in _letNodes.Keys.ToList()) BindLet(let);
            foreach (var r in _randomNodes.Keys.ToList()) BindRandom(r);
            BindStateVars(members);
            BindActions(members);
            BindCriterion(members);
            foreach (var member in members)
            {
                switch (member)
                {
                    case InitNode init: BindInit(init); break;
                    case RuleNode rule: BindRule(rule); break;
                    case DefaultNode d: BindDefault(d); break;
                    case RewardNode reward: BindReward(reward); break;
                    case TransitionTableNode table: BindTransitionTable(table); break;
                    case RewardTableNode table: BindRewardTable(table); break;
                }
            }
            if (_model.StateVars.Count == 0)
                Error(DiagnosticIds.NoStateVariables, $"model '{_model.Name}' declares no state variable; add e.g. `state s in 0..N-1`", _model.Node.NameSpan);
            if (_model.Actions.Count == 0)
                Error(DiagnosticIds.NoActions, $"model '{_model.Name}' declares no action; add e.g. `action left, right`", _model.Node.NameSpan);
            return _model;
        }

        /// <summary>First pass: every declared name goes into the model's scope, so order of declaration does not matter.</summary>
        private void DeclareAll(IReadOnlyList<MemberNode> members)
        {
            int randomIndex = 0, stateIndex = 0, actionOrdinal = 0;
            foreach (var member in members)
            {
                switch (member)
                {
                    case LetNode let:
                    {
                        var s = new LetSymbol(let.Name.Text, let.Name.Span);
                        if (Declare(s)) _letNodes[s] = let;
                        break;
                    }
                    case RandomNode r:
                    {
                        var s = new RandomSymbol(r.Name.Text, r.Name.Span, randomIndex);
                        if (Declare(s))
                        {
                            _randomNodes[s] = r;
                            _model.Randoms.Add(s);
                            randomIndex++;
                        }
                        break;
                    }
                    case RangeStateVarNode v:
                    {
                        var s = new StateVarSymbol(v.Name.Text, v.Name.Span, stateIndex, StateVarKind.Range, null);
                        if (Declare(s)) { _model.StateVars.Add(s); stateIndex++; }
                        break;
                    }
                    case BoolStateVarNode v:
                    {
                        var s = new StateVarSymbol(v.Name.Text, v.Name.Span, stateIndex, StateVarKind.Bool, null);
                        if (Declare(s)) { _model.StateVars.Add(s); stateIndex++; }
                        break;
                    }
                    case EnumStateVarNode v:
                    {
                        var type = new EnumSymbol(v.Name.Text, v.Name.Span, v.Values.Select(x => x.Text).ToList());
                        var s = new StateVarSymbol(v.Name.Text, v.Name.Span, stateIndex, StateVarKind.Enum, type);
                        if (Declare(s))
                        {
                            _model.StateVars.Add(s);
                            stateIndex++;
                            for (int k = 0; k < v.Values.Count; k++)
                                Declare(new EnumValueSymbol(v.Values[k].Text, v.Values[k].Span, type, k));
                        }
                        break;
                    }
                    case ActionNode a:
                    {
                        var s = new ActionSymbol(a.Name.Text, a.Name.Span, actionOrdinal);
                        if (Declare(s)) { _model.Actions.Add(s); actionOrdinal++; }
                        break;
                    }
                }
            }
        }

        private bool Declare(Symbol symbol)
        {
            // A reserved name is reported, but the symbol is still declared so that its uses bind quietly.
            CheckUserName(symbol.Name, symbol.Span);
            if (Builtins.Functions.ContainsKey(symbol.Name) || Builtins.Distributions.ContainsKey(symbol.Name))
            {
                Error(DiagnosticIds.ReservedName, $"'{symbol.Name}' is a built-in function; choose another name", symbol.Span);
                return false;
            }
            if (_symbols.TryGetValue(symbol.Name, out var existing))
            {
                Error(DiagnosticIds.DuplicateDeclaration,
                    $"'{symbol.Name}' is already declared as a {existing.What} at line {existing.Span.Line}; rename one of them", symbol.Span);
                return false;
            }
            _symbols[symbol.Name] = symbol;
            return true;
        }

        // ---- Parameters and lets --------------------------------------------------------------------

        private void BindParam(ParamNode node)
        {
            int errors = _diagnostics.Count;
            BindParamValue(node);
            if (!_symbols.ContainsKey(node.Name.Text) || _diagnostics.Count > errors && !_model.Params.Any(p => p.Name == node.Name.Text))
            {
                // The parameter failed: declare it with the error type so that its uses are not reported again.
                _model.HasErrors = true;
                if (!_symbols.ContainsKey(node.Name.Text)) _symbols[node.Name.Text] = new ParamSymbol(node.Name.Text, node.Name.Span, RType.Error, 0L);
            }
        }

        private void BindParamValue(ParamNode node)
        {
            var value = Bind(node.Default);
            if (value.HasError) { _model.HasErrors = true; return; }
            if (value.Deps != Dep.None)
            {
                Error(DiagnosticIds.NotConstant,
                    $"the default of parameter '{node.Name.Text}' must be a literal such as 6, 0.95 or true; derive other values with `let`", node.Default.Span);
                return;
            }
            RType type;
            switch (node.DeclaredType)
            {
                case "int": type = RType.Int; break;
                case "real": type = RType.Real; break;
                case "bool": type = RType.Bool; break;
                default:
                    type = value.Type;
                    if (!(type.Kind is TypeKind.Int or TypeKind.Real or TypeKind.Bool))
                    {
                        Error(DiagnosticIds.ParamTypeMismatch, $"a parameter must be an int, a real or a bool, not a {value.Type}", node.Default.Span);
                        return;
                    }
                    break;
            }
            if (!Assignable(value.Type, type))
            {
                Error(DiagnosticIds.ParamTypeMismatch,
                    $"parameter '{node.Name.Text}' is declared {type} but its default is a {value.Type}" +
                    (type.Kind == TypeKind.Int && value.Type.Kind == TypeKind.Real ? "; write an integer, or declare it `: real`" : ""),
                    node.Default.Span);
                return;
            }
            object v;
            try { v = _model.Evaluator.Evaluate(value); }
            catch (EvaluationException e) { Error(e.Id, e.Message, e.Span); return; }
            if (type.Kind == TypeKind.Real) v = ConstantEvaluator.ToReal(v);
            if (_overrides.TryGetValue(node.Name.Text, out var text))
            {
                if (!TryParseOverride(text, type, out var overridden, out var problem))
                {
                    Error(DiagnosticIds.OverrideTypeMismatch, $"-p {node.Name.Text}={text}: {problem}", node.Name.Span);
                    return;
                }
                v = overridden;
            }
            var symbol = new ParamSymbol(node.Name.Text, node.Name.Span, type, v);
            if (Declare(symbol)) _model.Params.Add(symbol);
        }

        private static bool TryParseOverride(string text, RType type, out object value, out string problem)
        {
            value = 0L;
            problem = "";
            text = text.Trim();
            switch (type.Kind)
            {
                case TypeKind.Int:
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) && i >= int.MinValue && i <= int.MaxValue)
                    {
                        value = i;
                        return true;
                    }
                    problem = $"the parameter is an int and '{text}' is not an integer (e.g. -p N=12)";
                    return false;
                case TypeKind.Real:
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d))
                    {
                        value = d;
                        return true;
                    }
                    problem = $"the parameter is a real and '{text}' is not a number (e.g. 0.95 or 1e-3)";
                    return false;
                default:
                    if (text == "true" || text == "false")
                    {
                        value = text == "true";
                        return true;
                    }
                    problem = $"the parameter is a bool and '{text}' is neither true nor false";
                    return false;
            }
        }

        private void BindLet(LetSymbol let)
        {
            if (let.Value != null) return;
            if (!_binding.Add(let))
            {
                Error(DiagnosticIds.NotConstant, $"'{let.Name}' is defined in terms of itself", let.Span);
                let.Value = new BoundError(let.Span);
                return;
            }
            var node = _letNodes[let];
            var value = Bind(node.Value);
            if (value.Type.Kind == TypeKind.Distribution && !value.HasError)
            {
                Error(DiagnosticIds.DistributionNotAllowed,
                    $"'{let.Name}' is a distribution; declare a random variable with `let {let.Name} ~ ...` instead of `=`", node.Value.Span);
                value = new BoundError(value.Span);
            }
            if ((value.Deps & Dep.Next) != 0 && !value.HasError)
            {
                Error(DiagnosticIds.PrimedOutsideReward, $"'{let.Name}' reads a successor variable; successors can only be read in rewards", node.Value.Span);
                value = new BoundError(value.Span);
            }
            let.Value = value;
            _binding.Remove(let);
            if (let.IsConstant)
            {
                _model.ConstantLets.Add(let);
                try { _model.Evaluator.Evaluate(new BoundLet(let, let.Span)); }
                catch (EvaluationException e)
                {
                    Error(e.Id, e.Message, e.Span);
                    let.Value = new BoundError(value.Span);
                    _model.ConstantLets.Remove(let);
                }
            }
            else if (value.Type.Kind == TypeKind.List && !value.HasError)
            {
                Error(DiagnosticIds.ListNotAllowed, $"list '{let.Name}' must be a constant (built from parameters and numbers); index it with the state instead", node.Value.Span);
                let.Value = new BoundError(value.Span);
            }
        }

        private void BindRandom(RandomSymbol random)
        {
            var node = _randomNodes[random];
            var value = Bind(node.Distribution);
            if (value.HasError) { random.Distribution = null; return; }
            if (value is not BoundDistribution dist || !dist.Type.IsDiscrete)
            {
                Error(DiagnosticIds.DistributionExpected,
                    value is BoundDistribution
                        ? $"random variable '{random.Name}' needs a discrete distribution (bernoulli, binomial, poisson, geometric, uniform, categorical) so that its outcomes can be enumerated"
                        : $"random variable '{random.Name}' needs a distribution, e.g. `let {random.Name} ~ poisson(4) truncated 0..10`; for a plain value use `let {random.Name} = ...`",
                    node.Distribution.Span);
                return;
            }
            if (!ConstantEvaluator.IsConstant(dist))
            {
                Error(DiagnosticIds.NotConstant, $"the distribution of '{random.Name}' must not depend on the state, the step or other random variables; use parameters and lets", node.Distribution.Span);
                return;
            }
            if (Builtins.IsUnbounded(dist.Family) && !dist.IsTruncated)
            {
                Error(DiagnosticIds.SupportTooLarge,
                    $"{dist.Family}(...) has unbounded support; add `truncated lo..hi` (renormalize) or `clamped lo..hi` (tails to the ends), e.g. `{dist.Family}(...) truncated 0..20`",
                    node.Distribution.Span);
                return;
            }
            random.Distribution = dist;
        }

        // ---- State variables, actions, criterion -----------------------------------------------------

        private void BindStateVars(IReadOnlyList<MemberNode> members)
        {
            foreach (var node in members.OfType<StateVarNode>())
            {
                if (!_symbols.TryGetValue(node.Name.Text, out var s) || s is not StateVarSymbol v || v.Span != node.Name.Span) continue;
                switch (node)
                {
                    case RangeStateVarNode r:
                        v.Lo = Constant(r.Lo, RType.Int, $"the lower bound of '{v.Name}'");
                        v.Hi = Constant(r.Hi, RType.Int, $"the upper bound of '{v.Name}'");
                        break;
                    case BoolStateVarNode b:
                        v.Lo = new BoundLiteral(0L, RType.Int, b.Span);
                        v.Hi = new BoundLiteral(1L, RType.Int, b.Span);
                        break;
                    case EnumStateVarNode e:
                        v.Lo = new BoundLiteral(0L, RType.Int, e.Span);
                        v.Hi = new BoundLiteral((long)e.Values.Count - 1, RType.Int, e.Span);
                        break;
                }
            }
        }

        private void BindActions(IReadOnlyList<MemberNode> members)
        {
            foreach (var node in members.OfType<ActionNode>())
            {
                if (!_symbols.TryGetValue(node.Name.Text, out var s) || s is not ActionSymbol a || a.Span != node.Name.Span) continue;
                if (node.Index != null)
                {
                    a.Lo = Constant(node.Lo!, RType.Int, $"the lower bound of action family '{a.Name}'");
                    a.Hi = Constant(node.Hi!, RType.Int, $"the upper bound of action family '{a.Name}'");
                    a.Index = new LocalSymbol(node.Index.Text, node.Index.Span);
                }
                if (node.Guard != null)
                {
                    if (a.Index != null) _locals.Add((a.Index.Name, a.Index));
                    a.Guard = Check(Bind(node.Guard), RType.Bool, Dep.Param | Dep.State | Dep.Step | Dep.Local, $"the guard of action '{a.Name}'");
                    if (a.Index != null) _locals.RemoveAt(_locals.Count - 1);
                }
            }
        }

        private void BindCriterion(IReadOnlyList<MemberNode> members)
        {
            var criteria = members.Where(m => m is DiscountNode or HorizonNode or AverageNode).ToList();
            var untils = members.OfType<UntilNode>().ToList();
            if (criteria.Count > 1)
            {
                var second = criteria[1];
                bool same = second.GetType() == criteria[0].GetType();
                Error(same ? DiagnosticIds.DuplicateCriterion : DiagnosticIds.ConflictingCriteria,
                    same
                        ? $"the criterion is already declared at line {criteria[0].Span.Line}; keep one"
                        : $"a model has one criterion, and line {criteria[0].Span.Line} already declares one; keep either `discount`, `horizon` or `average`",
                    second.Span);
                return;
            }
            if (untils.Count > 1)
            {
                Error(DiagnosticIds.DuplicateCriterion, $"`until` is already declared at line {untils[0].Span.Line}; combine the conditions with ||", untils[1].Span);
                return;
            }
            if (untils.Count == 1)
                _model.Until = Check(Bind(untils[0].Condition), RType.Bool, Dep.Param | Dep.State, "the `until` condition");
            if (criteria.Count == 0)
            {
                if (untils.Count == 1)
                {
                    _model.Criterion = CriterionKind.TotalReward;
                    return;
                }
                Error(DiagnosticIds.MissingCriterion,
                    $"model '{_model.Name}' has no criterion; add one of `discount 0.95`, `horizon H`, `average` or `until <terminal condition>`", _model.Node.NameSpan);
                return;
            }
            switch (criteria[0])
            {
                case DiscountNode d:
                {
                    _model.Criterion = CriterionKind.Discounted;
                    _model.Discount = Constant(d.Value, RType.Real, "the discount");
                    if (_model.Discount is { HasError: false } g)
                    {
                        try
                        {
                            var gamma = _model.Evaluator.EvaluateReal(g);
                            if (!(gamma >= 0 && gamma < 1))
                                Error(DiagnosticIds.DiscountOutOfRange,
                                    $"the discount is {Show(gamma)} but must be in [0, 1); for undiscounted problems use `until <terminal condition>` or `average`", d.Value.Span);
                        }
                        catch (EvaluationException e) { Error(e.Id, e.Message, e.Span); }
                    }
                    break;
                }
                case HorizonNode h:
                {
                    _model.Criterion = CriterionKind.FiniteHorizon;
                    _model.Horizon = Constant(h.Value, RType.Int, "the horizon");
                    if (_model.Horizon is { HasError: false } hv)
                    {
                        try
                        {
                            var horizon = _model.Evaluator.EvaluateInt(hv);
                            if (horizon < 1 || horizon > 100_000_000)
                                Error(DiagnosticIds.HorizonNotPositive, $"the horizon is {horizon} but must be between 1 and 100,000,000", h.Value.Span);
                        }
                        catch (EvaluationException e) { Error(e.Id, e.Message, e.Span); }
                    }
                    break;
                }
                default:
                    _model.Criterion = CriterionKind.AverageReward;
                    break;
            }
        }

        private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        // ---- Init, rules, rewards, tables ----------------------------------------------------------

        private void BindInit(InitNode node)
        {
            if (_model.InitSpan is { } first)
            {
                Error(DiagnosticIds.DuplicateCriterion, $"`init` is already declared at line {first.Line}; combine the branches with |", node.Span);
                return;
            }
            _model.InitSpan = node.Span;
            foreach (var branch in node.Branches)
            {
                var assignments = BindAssignments(branch.Assignments.Select(a => (a.Name, a.Value, a.Span, false)).ToList(),
                    Dep.Param | Dep.Random, "an initial state");
                var p = branch.Probability is null ? null : Check(Bind(branch.Probability), RType.Real, Dep.Param | Dep.Random, "an initial probability");
                _model.Init.Add(new BoundBranch(assignments, p, branch.Span));
            }
            CheckMissingProbabilities(node.Branches.Select(b => (b.Probability, b.Span)).ToList());
        }

        private void BindRule(RuleNode node)
        {
            var (action, index) = ResolveActionRef(node.Action);
            if (action is null) return;
            if (_model.TransitionTables.Any(t => t.Action == action))
            {
                Error(DiagnosticIds.RulesAndTable, $"action '{action.Name}' already has a transition table; give it either a table or rules", node.Span);
                return;
            }
            if (index != null) _locals.Add((index.Name, index));
            var guard = node.Guard is null ? null : Check(Bind(node.Guard), RType.Bool, Dep.Param | Dep.State | Dep.Step | Dep.Local, "a rule's guard");
            var branches = BindBranches(node.Branches);
            if (index != null) _locals.RemoveAt(_locals.Count - 1);
            var earlier = _model.Rules.FirstOrDefault(r => r.Action == action && r.Guard is null);
            if (earlier != null)
                Warning(DiagnosticIds.UnreachableRule,
                    $"this rule never applies: the rule for '{action.Name}' at line {earlier.Span.Line} has no guard and matches first", node.Span);
            _model.Rules.Add(new BoundRule(_model.Rules.Count, action, index, guard, branches, RuleText(node.Action, node.Guard), node.Span));
        }

        private void BindDefault(DefaultNode node)
        {
            if (_model.Default != null)
            {
                Error(DiagnosticIds.MultipleDefaults, $"`default` is already declared at line {_model.Default.Span.Line}; keep one", node.Span);
                return;
            }
            var branches = BindBranches(node.Branches);
            _model.Default = new BoundRule(-1, null, null, null, branches, "default", node.Span);
        }

        private List<BoundBranch> BindBranches(IReadOnlyList<BranchNode> nodes)
        {
            var result = new List<BoundBranch>();
            var allowed = Dep.Param | Dep.State | Dep.Step | Dep.Local | Dep.Random;
            foreach (var b in nodes)
            {
                var assignments = BindAssignments(b.Assignments.Select(a => (a.Name, a.Value, a.Span, true)).ToList(), allowed, "a successor");
                var p = b.Probability is null ? null : Check(Bind(b.Probability), RType.Real, allowed, "a probability");
                result.Add(new BoundBranch(assignments, p, b.Span));
            }
            CheckMissingProbabilities(nodes.Select(n => (n.Probability, n.Span)).ToList());
            return result;
        }

        private void CheckMissingProbabilities(List<(ExprNode? Probability, SourceSpan Span)> branches)
        {
            if (branches.Count < 2) return;
            foreach (var b in branches)
            {
                if (b.Probability is null)
                {
                    Error(DiagnosticIds.MissingProbability, "with several outcomes, each needs a probability: write `... @ 0.3`", b.Span);
                    return;
                }
            }
        }

        private List<BoundAssignment> BindAssignments(List<(Identifier Name, ExprNode Value, SourceSpan Span, bool Primed)> nodes, Dep allowed, string where)
        {
            var result = new List<BoundAssignment>();
            var seen = new HashSet<StateVarSymbol>();
            foreach (var (name, valueNode, span, primed) in nodes)
            {
                var value = Bind(valueNode);
                if (!_symbols.TryGetValue(name.Text, out var symbol))
                {
                    Error(DiagnosticIds.UnknownName, $"unknown state variable '{name.Text}'{Suggest(name.Text, _symbols.Values.OfType<StateVarSymbol>())}", name.Span);
                    continue;
                }
                if (symbol is not StateVarSymbol variable)
                {
                    Error(DiagnosticIds.NotAStateVariable, $"only state variables can be assigned, and '{name.Text}' is a {symbol.What}", name.Span);
                    continue;
                }
                if (!seen.Add(variable))
                {
                    Error(DiagnosticIds.AssignedTwice, $"'{name.Text}{(primed ? "'" : "")}' is assigned twice in this outcome; keep one assignment", span);
                    continue;
                }
                value = Check(value, variable.Type, allowed, $"the value of {variable.Name}{(primed ? "'" : "")}");
                result.Add(new BoundAssignment(variable, value, span));
            }
            return result;
        }

        private void BindReward(RewardNode node)
        {
            ActionSymbol? action = null;
            LocalSymbol? index = null;
            if (node.Action != null)
            {
                (action, index) = ResolveActionRef(node.Action);
                if (action is null) return;
            }
            if (index != null) _locals.Add((index.Name, index));
            var allowed = Dep.Param | Dep.State | Dep.Step | Dep.Local | Dep.Random | Dep.Next;
            var guard = node.Guard is null ? null : Check(Bind(node.Guard), RType.Bool, allowed, "a reward's guard");
            var value = Bind(node.Value);
            if (!value.HasError && value.Type.Kind == TypeKind.Distribution)
            {
                // A reward drawn from a distribution: planning uses its mean, experiments sample it.
                value = Check(value, value.Type, allowed & ~Dep.Random, "a reward distribution");
            }
            else
            {
                value = Check(value, RType.Real, allowed, "a reward");
            }
            if (index != null) _locals.RemoveAt(_locals.Count - 1);
            var text = "reward" + (node.Action is null && node.Guard is null ? "" : " ") + RuleText(node.Action, node.Guard);
            _model.Rewards.Add(new BoundReward(action, index, guard, value, text.TrimEnd(), node.Span));
        }

        private void BindTransitionTable(TransitionTableNode node)
        {
            if (!_symbols.TryGetValue(node.Action.Text, out var s) || s is not ActionSymbol action)
            {
                Error(DiagnosticIds.UnknownAction, $"unknown action '{node.Action.Text}'{Suggest(node.Action.Text, _model.Actions)}", node.Action.Span);
                return;
            }
            if (action.IsFamily)
            {
                Error(DiagnosticIds.ActionIndexMismatch, $"'{action.Name}' is an action family; tables are for single actions, families take rules", node.Action.Span);
                return;
            }
            if (_model.Rules.Any(r => r.Action == action) || _model.TransitionTables.Any(t => t.Action == action))
            {
                Error(DiagnosticIds.RulesAndTable, $"action '{action.Name}' already has rules or a table; give it either a table or rules", node.Span);
                return;
            }
            var table = Constant(node.Table, RType.ListOf(RType.ListOf(RType.Real)), $"the transition table of '{action.Name}'");
            _model.TransitionTables.Add(new BoundTransitionTable(action, table, node.Span));
        }

        private void BindRewardTable(RewardTableNode node)
        {
            if (_model.RewardTable != null)
            {
                Error(DiagnosticIds.DuplicateDeclaration, $"the reward table is already declared at line {_model.RewardTableSpan.Line}; keep one", node.Span);
                return;
            }
            _model.RewardTable = Constant(node.Table, RType.ListOf(RType.ListOf(RType.Real)), "the reward table");
            _model.RewardTableSpan = node.Span;
        }

        private (ActionSymbol? Action, LocalSymbol? Index) ResolveActionRef(ActionRefNode node)
        {
            if (!_symbols.TryGetValue(node.Name.Text, out var symbol))
            {
                var suggestion = Suggest(node.Name.Text, _model.Actions);
                Error(DiagnosticIds.UnknownAction, $"unknown action '{node.Name.Text}'" +
                    (suggestion.Length > 0 ? suggestion : _model.Actions.Count > 0 ? $"; the actions are {string.Join(", ", _model.Actions.Select(a => a.Name))}" : "; declare it with `action " + node.Name.Text + "`"),
                    node.Name.Span);
                return (null, null);
            }
            if (symbol is not ActionSymbol action)
            {
                Error(DiagnosticIds.UnknownAction,
                    $"'{node.Name.Text}' is a {symbol.What}, not an action; a rule starts with an action name, e.g. `{_model.Actions.FirstOrDefault()?.Name ?? "move"}: ...`", node.Name.Span);
                return (null, null);
            }
            if (action.IsFamily && node.Index is null)
            {
                Error(DiagnosticIds.ActionIndexMismatch, $"'{action.Name}' is an action family; name its index, e.g. `{action.Name}({action.Index!.Name}): ...`", node.Name.Span);
                return (null, null);
            }
            if (!action.IsFamily && node.Index != null)
            {
                Error(DiagnosticIds.ActionIndexMismatch, $"'{action.Name}' is a single action, not a family; write `{action.Name}: ...`", node.Index.Span);
                return (null, null);
            }
            if (node.Index != null && _symbols.ContainsKey(node.Index.Text))
            {
                Error(DiagnosticIds.DuplicateDeclaration, $"the index '{node.Index.Text}' hides the {_symbols[node.Index.Text].What} of that name; choose another index name", node.Index.Span);
                return (null, null);
            }
            if (node.Index != null && !CheckUserName(node.Index.Text, node.Index.Span)) return (null, null);
            return (action, node.Index is null ? null : new LocalSymbol(node.Index.Text, node.Index.Span));
        }

        private static string RuleText(ActionRefNode? action, ExprNode? guard)
        {
            var head = action is null ? "" : action.Name.Text + (action.Index is null ? "" : $"({action.Index.Text})");
            return guard is null ? head : (head + " when " + Printer.Print(guard)).Trim();
        }

        // ---- Helpers -----------------------------------------------------------------------------------

        /// <summary>Binds an expression that must be a constant of the given type (evaluated at compile time).</summary>
        private BoundExpr Constant(ExprNode node, RType type, string where) =>
            Check(Bind(node), type, Dep.Param, where);

        private static bool Assignable(RType from, RType to)
        {
            if (from.IsError || to.IsError) return true;
            if (from == to) return true;
            if (to.Kind == TypeKind.Real && from.Kind == TypeKind.Int) return true;
            if (to.Kind == TypeKind.List && from.Kind == TypeKind.List) return Assignable(from.Element!, to.Element!);
            if (to.Kind == TypeKind.Enum && from.Kind == TypeKind.Enum) return from.Enum == to.Enum;
            if (to.Kind == TypeKind.Distribution && from.Kind == TypeKind.Distribution) return true;
            return false;
        }

        /// <summary>
        /// Checks an expression's type and what it reads. Reports the first offending node and returns
        /// a <see cref="BoundError"/> so that nothing is reported twice.
        /// </summary>
        private BoundExpr Check(BoundExpr e, RType type, Dep allowed, string where)
        {
            if (e.HasError) { _model.HasErrors = true; return e; }
            if (!Assignable(e.Type, type))
            {
                var hint = type.Kind == TypeKind.Int && e.Type.Kind == TypeKind.Real ? "; use floor(...), ceil(...) or round(...) to make an integer"
                    : type.Kind == TypeKind.Bool ? "; compare with ==, <, ... to make a condition"
                    : e.Type.Kind == TypeKind.Distribution ? "; a distribution can only be a reward or a random variable (`let x ~ ...`)"
                    : "";
                Error(DiagnosticIds.TypeMismatch, $"{where} must be {Article(type)}, but this is {Article(e.Type)}{hint}", e.Span);
                return new BoundError(e.Span);
            }
            var bad = e.Deps & ~allowed;
            if (bad == 0) return e;
            var culprit = BoundTree.Descendants(e).LastOrDefault(n => IsLeaf(n) && (n.Deps & bad) != 0) ?? e;
            if ((bad & Dep.Next) != 0)
                Error(DiagnosticIds.PrimedOutsideReward, $"{where} cannot read a successor variable ({Describe(culprit)}); successors x' can only be read in rewards", culprit.Span);
            else if ((bad & Dep.Random) != 0)
                Error(DiagnosticIds.RandomNotAllowed,
                    $"{where} cannot read the random variable {Describe(culprit)}; random variables can be read in successors, probabilities and rewards", culprit.Span);
            else if ((bad & (Dep.State | Dep.Step | Dep.Local)) != 0)
                Error(DiagnosticIds.NotConstant,
                    allowed == Dep.Param
                        ? $"{where} must be a constant (parameters, lets and numbers), but it reads {Describe(culprit)}"
                        : $"{where} cannot read {Describe(culprit)}", culprit.Span);
            else
                Error(DiagnosticIds.NotConstant, $"{where} cannot read {Describe(culprit)}", culprit.Span);
            return new BoundError(e.Span);
        }

        private static bool IsLeaf(BoundExpr n) =>
            n is BoundStateVar or BoundRandom or BoundStep or BoundLocal or BoundParam or BoundLet;

        private static string Describe(BoundExpr e) => e switch
        {
            BoundStateVar v => v.IsNext ? $"the successor {v.Variable.Name}'" : $"the state variable '{v.Variable.Name}'",
            BoundRandom r => $"'{r.Random.Name}'",
            BoundStep _ => "the step t",
            BoundLocal l => $"the index '{l.Local.Name}'",
            _ => "a value that is not allowed here",
        };

        private static string Article(RType t)
        {
            var s = t.ToString();
            return (s.Length > 0 && "aeiou".IndexOf(s[0]) >= 0 ? "an " : "a ") + s;
        }

        private static string Suggest(string name, IEnumerable<Symbol> candidates)
        {
            // One-letter names are too short for edit distance to mean anything: only a case slip counts.
            var best = candidates.Select(c => c.Name)
                .Select(c => (Name: c, Distance: string.Equals(c, name, StringComparison.OrdinalIgnoreCase) ? 0 : Levenshtein(name, c)))
                .Where(x => name.Length < 3 ? x.Distance == 0 : x.Distance <= Math.Max(1, name.Length / 3))
                .OrderBy(x => x.Distance).FirstOrDefault();
            return best.Name is null ? "" : $"; did you mean '{best.Name}'?";
        }

        private static int Levenshtein(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
                for (int j = 1; j <= b.Length; j++)
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            return d[a.Length, b.Length];
        }
    }
}
