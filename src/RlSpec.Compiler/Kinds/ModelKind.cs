using System;
using System.Collections.Generic;
using System.Threading;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds
{
    /// <summary>Whether a kind's declarations name another declaration with <c>on X</c>.</summary>
    public enum TargetUse
    {
        /// <summary><c>on</c> is an error.</summary>
        None,
        /// <summary><c>on</c> may be written.</summary>
        Optional,
        /// <summary><c>on</c> must be written.</summary>
        Required,
    }

    /// <summary>
    /// A model kind (mdp, and later bandit, game, problem, experiment), in the manner of the P
    /// compiler's backends: registered in a <see cref="KindRegistry"/>, it brings its own bind, lower
    /// and emit stages, one folder per kind under Kinds/. What every kind shares (params, lets, random
    /// variables, expressions, names, diagnostics, overrides, the file scope) is bound by the shared
    /// <see cref="Binder"/> before the kind's own stages run.
    /// </summary>
    public abstract class ModelKind
    {
        /// <summary>The keyword that starts a declaration of this kind: <c>mdp</c>.</summary>
        public abstract string Keyword { get; }

        /// <summary>Whether a declaration takes <c>on X</c>.</summary>
        public virtual TargetUse Target => TargetUse.None;

        /// <summary>The modifiers a declaration may carry after its name (e.g. <c>zero_sum</c>).</summary>
        public virtual IReadOnlyList<string> Modifiers => Array.Empty<string>();

        /// <summary>
        /// Whether a member belongs in this kind. <c>param</c> and <c>let</c> belong to every kind and are
        /// not asked about; any other member this returns false for gets a diagnostic from the shared binder.
        /// </summary>
        public abstract bool Allows(MemberNode member);

        /// <summary>The members this kind declares besides param and let, for the message about a member that does not belong.</summary>
        public abstract string MemberSummary { get; }

        /// <summary>The words that start this kind's members (keywords and setting names), to suggest one for a misspelling.</summary>
        public virtual IReadOnlyList<string> MemberWords => Array.Empty<string>();

        /// <summary>
        /// Called before any name is bound: put the kind's own names (state variables, actions, ...) into
        /// the declaration's scope with <see cref="Binder.Declare"/>, in member order, and set what the
        /// scope offers (e.g. <see cref="Binder.StepIndexAvailable"/>).
        /// </summary>
        public virtual void Declare(Binder binder, MemberNode member) { }

        /// <summary>
        /// Whether the kind binds its <c>let</c> members itself (the <c>problem</c> kind: its lets are tensors
        /// with shapes, built by seeded generators). The shared binder then leaves lets to the kind, which
        /// sees them among its members.
        /// </summary>
        public virtual bool BindsOwnLets => false;

        /// <summary>Called once before <see cref="Declare"/>, to set scope options from the whole member list.</summary>
        public virtual void Prepare(Binder binder) { }

        /// <summary>
        /// The kind's own stages after shared binding: bind its members, lower to its IR, emit C#.
        /// Returns null when a stage reported errors (each stage stops on its own errors).
        /// </summary>
        public abstract EmittedCode? Compile(Binder binder, CancellationToken cancellationToken);
    }

    /// <summary>
    /// A kind written as three stages with its own bound form and IR. The IR is plain data that the
    /// emitter reads alone: no syntax, no source lookups.
    /// </summary>
    public abstract class ModelKind<TBound, TIr> : ModelKind
        where TBound : class
        where TIr : class
    {
        /// <summary>Binds the kind's own members (the shared ones are bound already).</summary>
        public abstract TBound? Bind(Binder binder);

        /// <summary>Lays the bound model out and checks what needs numbers; null on errors.</summary>
        public abstract TIr? Lower(TBound bound, Binder binder, CancellationToken cancellationToken);

        /// <summary>Writes the C#, reading only the IR.</summary>
        public abstract EmittedCode Emit(TIr ir);

        public sealed override EmittedCode? Compile(Binder binder, CancellationToken cancellationToken)
        {
            var bound = Bind(binder);
            if (bound is null || binder.Model.HasErrors) return null;
            cancellationToken.ThrowIfCancellationRequested();
            var ir = Lower(bound, binder, cancellationToken);
            if (ir is null) return null;
            cancellationToken.ThrowIfCancellationRequested();
            return Emit(ir) with { Ir = ir };
        }
    }

    /// <summary>What a kind's emitter produced: the C# type name (unqualified, in <see cref="RlSpecCompiler.ModelNamespace"/>) and the source.</summary>
    public sealed record EmittedCode(string TypeName, string Source)
    {
        /// <summary>The IR the code was emitted from (an <c>MdpIr</c> for an mdp), for hosts that interpret it instead of compiling the C#.</summary>
        public object? Ir { get; init; }
    }
}
