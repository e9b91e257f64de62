using System;
using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// Stage 2, shared by every kind: binds one declaration's scope. Declares its names (the kind
    /// declares its own through <see cref="ModelKind.Declare"/>), binds parameters with overrides,
    /// lets and random variables, and offers the kind what it needs to bind its own members: name
    /// lookup, expression binding and checking, constants, diagnostics. Follows the error-node pattern:
    /// an expression that failed becomes <see cref="BoundError"/>, and nothing that contains it is
    /// reported again. The parts live in Binder.*.cs, one concern per file.
    /// </summary>
    public sealed partial class Binder
    {
        private readonly DiagnosticBag _diagnostics;
        private readonly IReadOnlyDictionary<string, string> _overrides;
        private readonly Dictionary<string, Symbol> _symbols = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        private readonly Dictionary<LetSymbol, LetNode> _letNodes = new Dictionary<LetSymbol, LetNode>();
        private readonly Dictionary<RandomSymbol, RandomNode> _randomNodes = new Dictionary<RandomSymbol, RandomNode>();
        private readonly HashSet<LetSymbol> _binding = new HashSet<LetSymbol>();
        private readonly List<(string Name, LocalSymbol Local)> _locals = new List<(string, LocalSymbol)>();
        private readonly List<(LocalSymbol Index, string Owner)> _letIndices = new List<(LocalSymbol, string)>();

        internal Binder(ModelNode node, ModelKind kind, SourceText source, IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics)
        {
            Model = new BoundModel(node, source);
            Kind = kind;
            _overrides = overrides;
            _diagnostics = diagnostics;
        }

        /// <summary>The declaration being bound: its shared parts fill in as binding goes.</summary>
        public BoundModel Model { get; }

        public ModelNode Node => Model.Node;

        public ModelKind Kind { get; }

        public ConstantEvaluator Evaluator => Model.Evaluator;

        /// <summary>The host's data files (<c>csv("...")</c> in a problem's let); null when the host reads none.</summary>
        public RlSpec.Compiler.Data.IDataFileProvider? DataFiles { get; internal set; }

        /// <summary>The compilation's cancellation (reading and parsing a large data file observes it).</summary>
        public System.Threading.CancellationToken CancellationToken { get; internal set; }

        /// <summary>
        /// Whether the step index <c>t</c> can be read (an MDP with a horizon sets it in
        /// <see cref="ModelKind.Prepare"/>); it also makes <c>t</c> a reserved name.
        /// </summary>
        public bool StepIndexAvailable { get; set; }

        /// <summary>
        /// Whether seeded random built-ins (<c>gaussian_vector(d, seed = 7)</c>) may be called: a kind whose
        /// emitted <c>Create</c> takes an instance seed (bandits) sets it in <see cref="ModelKind.Prepare"/>.
        /// </summary>
        public bool InstanceDrawsAvailable { get; set; }

        /// <summary>Binds what every kind shares, in order: declarations, parameters, lets, random variables.</summary>
        internal void BindShared()
        {
            var members = Node.Members;
            Kind.Prepare(this);
            DeclareAll(members);
            foreach (var p in members)
                if (p is ParamNode param) BindParam(param);
            foreach (var let in new List<LetSymbol>(_letNodes.Keys)) BindLet(let);
            foreach (var r in new List<RandomSymbol>(_randomNodes.Keys)) BindRandom(r);
        }

        // ---- Diagnostics ------------------------------------------------------------------------

        /// <summary>Reports an error and marks the declaration as failed (later stages do not run).</summary>
        public void Error(string id, string message, SourceSpan span)
        {
            _diagnostics.Add(new Diagnostic(id, Severity.Error, message, span));
            Model.HasErrors = true;
        }

        public void Warning(string id, string message, SourceSpan span) =>
            _diagnostics.Add(new Diagnostic(id, Severity.Warning, message, span));

        /// <summary>Reports an error and returns the error node for the expression at <paramref name="span"/>.</summary>
        public BoundExpr Fail(string id, string message, SourceSpan span)
        {
            Error(id, message, span);
            return new BoundError(span);
        }

        /// <summary>Marks the declaration as failed after a mistake that was already reported.</summary>
        public void MarkFailed() => Model.HasErrors = true;

        // ---- Scope ------------------------------------------------------------------------------

        public bool TryGetSymbol(string name, out Symbol symbol) => _symbols.TryGetValue(name, out symbol!);

        public bool IsDeclared(string name) => _symbols.ContainsKey(name);

        /// <summary>Every symbol declared so far.</summary>
        public IEnumerable<Symbol> Symbols => _symbols.Values;

        /// <summary>Makes an index variable visible to the expressions bound until <see cref="PopLocal"/>.</summary>
        public void PushLocal(LocalSymbol local) => _locals.Add((local.Name, local));

        /// <summary>Makes <paramref name="local"/> visible under <paramref name="name"/> (a rule head may rename a family's index).</summary>
        public void PushLocal(string name, LocalSymbol local) => _locals.Add((name, local));

        /// <summary>
        /// An index that lets may read by its declared name (an MDP action family's index): such a let
        /// can be used only where that same index is in scope (the rules, rewards and guard of
        /// <paramref name="owner"/>); elsewhere its use is RLS0124.
        /// </summary>
        public void DeclareLetIndex(LocalSymbol index, string owner) => _letIndices.Add((index, owner));

        public void PopLocal() => _locals.RemoveAt(_locals.Count - 1);
    }
}
