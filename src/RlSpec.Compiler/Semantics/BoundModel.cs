using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// What every kind of declaration has once the shared binder is done: its header (kind, name, the
    /// declaration it is <c>on</c>, modifiers), parameters with the values in force, constant lets,
    /// random variables, and the evaluator for constants. A kind's own bound form builds on it.
    /// </summary>
    public sealed class BoundModel
    {
        public BoundModel(ModelNode node, SourceText source)
        {
            Node = node;
            Source = source;
        }

        public ModelNode Node { get; }

        /// <summary>The file's text, for quoting what the user wrote (taken once, at lowering).</summary>
        public SourceText Source { get; }

        public string Name => Node.Name;

        public string Kind => Node.Kind;

        public bool HasErrors { get; internal set; }

        /// <summary>The declaration named by <c>on X</c>, resolved in the file scope; null without <c>on</c>.</summary>
        public ModelNode? Target { get; internal set; }

        /// <summary>
        /// The shared bound form of the <c>on X</c> declaration (its parameters with the values in force);
        /// null without <c>on</c> or when that declaration's kind is unknown.
        /// </summary>
        public BoundModel? TargetModel { get; internal set; }

        /// <summary>The modifiers written after the name that the kind accepts.</summary>
        public List<string> Modifiers { get; } = new List<string>();

        public List<ParamSymbol> Params { get; } = new List<ParamSymbol>();

        /// <summary>Constant lets in dependency order; they become fields.</summary>
        public List<LetSymbol> ConstantLets { get; } = new List<LetSymbol>();

        /// <summary>Lets drawn when the model is created (<see cref="LetSymbol.IsInstance"/>), in dependency order, after the constant ones.</summary>
        public List<LetSymbol> InstanceLets { get; } = new List<LetSymbol>();

        public List<RandomSymbol> Randoms { get; } = new List<RandomSymbol>();

        /// <summary>True when some expression reads the step index t.</summary>
        public bool UsesStep { get; internal set; }

        /// <summary>Evaluates constants with the parameters in force (defaults or overrides).</summary>
        public ConstantEvaluator Evaluator { get; } = new ConstantEvaluator();
    }
}
