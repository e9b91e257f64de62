using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Kinds.Bandit;
using RlSpec.Compiler.Kinds.Experiment;
using RlSpec.Compiler.Kinds.Mdp;
using RlSpec.Compiler.Kinds.Problem;

namespace RlSpec.Compiler.Kinds
{
    /// <summary>
    /// The model kinds a compilation knows, by keyword. An immutable value: <see cref="Default"/> holds
    /// the built-in kinds, <see cref="With"/> returns a new registry with one more (or a replaced) kind,
    /// and <see cref="RlSpecCompiler.Compile"/> takes the registry to use. No mutable static state, so
    /// many compilations (the source generator runs them in one process) never see each other's kinds.
    /// </summary>
    public sealed class KindRegistry
    {
        private readonly IReadOnlyDictionary<string, ModelKind> _kinds;

        private KindRegistry(IReadOnlyDictionary<string, ModelKind> kinds) { _kinds = kinds; }

        /// <summary>The kinds this compiler ships. Adding a kind to the language is one line here.</summary>
        public static KindRegistry Default { get; } = Empty.With(new MdpKind()).With(new BanditKind()).With(new ExperimentKind()).With(new ProblemKind());

        /// <summary>A registry with no kinds.</summary>
        public static KindRegistry Empty => new KindRegistry(new Dictionary<string, ModelKind>(StringComparer.Ordinal));

        /// <summary>A new registry with <paramref name="kind"/> added (replacing a kind with the same keyword).</summary>
        public KindRegistry With(ModelKind kind)
        {
            if (kind is null) throw new ArgumentNullException(nameof(kind));
            var copy = new Dictionary<string, ModelKind>(StringComparer.Ordinal);
            foreach (var pair in _kinds) copy[pair.Key] = pair.Value;
            copy[kind.Keyword] = kind;
            return new KindRegistry(copy);
        }

        public bool TryGet(string keyword, out ModelKind kind) => _kinds.TryGetValue(keyword, out kind!);

        /// <summary>The keywords, sorted, for messages.</summary>
        public IReadOnlyList<string> Keywords => _kinds.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
    }
}
