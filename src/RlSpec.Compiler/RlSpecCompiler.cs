using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler
{
    /// <summary>
    /// The one entry point both hosts (source generator and CLI) call: .rlspec text in, diagnostics
    /// and C# out. Stages, each stopping on its own errors: parse (syntax tree to AST), bind the file
    /// scope and what every kind shares, then each declaration's kind (from a <see cref="KindRegistry"/>)
    /// binds its own members, lowers them to its IR and emits C#.
    /// </summary>
    public static class RlSpecCompiler
    {
        /// <summary>The namespace every emitted model type lives in.</summary>
        public const string ModelNamespace = "RlSpec.Models";

        /// <summary>
        /// Compiles one .rlspec file. <paramref name="overrides"/> are <c>-p name=value</c> parameter
        /// overrides (text as typed); they replace the parameters' defaults in every model of the file
        /// that declares that parameter. <paramref name="kinds"/> defaults to <see cref="KindRegistry.Default"/>.
        /// <paramref name="dataFiles"/> serves the data files a model reads (<c>csv("data/a.csv")</c>, relative to
        /// <paramref name="path"/>); without one, reading a data file is the diagnostic RLS0930.
        /// </summary>
        public static CompilationResult Compile(
            string path,
            string text,
            IReadOnlyDictionary<string, string>? overrides = null,
            CancellationToken cancellationToken = default,
            KindRegistry? kinds = null,
            Data.IDataFileProvider? dataFiles = null) => Compile(path, text, overrides, cancellationToken, kinds, null, dataFiles);

        /// <summary>
        /// As <see cref="Compile(string, string, IReadOnlyDictionary{string, string}?, CancellationToken, KindRegistry?)"/>, and
        /// also returns each model's IR by model name (an <c>MdpIr</c> for an mdp), for a host that interprets it.
        /// </summary>
        public static (CompilationResult Result, IReadOnlyDictionary<string, object> Irs) CompileWithIr(
            string path, string text, IReadOnlyDictionary<string, string>? overrides = null, CancellationToken cancellationToken = default,
            Data.IDataFileProvider? dataFiles = null)
        {
            var irs = new Dictionary<string, object>();
            return (Compile(path, text, overrides, cancellationToken, null, irs, dataFiles), irs);
        }

        private static CompilationResult Compile(string path, string text, IReadOnlyDictionary<string, string>? overrides,
            CancellationToken cancellationToken, KindRegistry? kinds, Dictionary<string, object>? irs, Data.IDataFileProvider? dataFiles)
        {
            var diagnostics = new DiagnosticBag();
            var file = Parser.Parse(path, text, diagnostics, cancellationToken);
            var models = new List<GeneratedModel>();
            if (!diagnostics.HasErrors)
            {
                var binders = FileBinder.Bind(file, new SourceText(path, text), kinds ?? KindRegistry.Default,
                    overrides ?? new Dictionary<string, string>(), diagnostics, cancellationToken, dataFiles);
                foreach (var binder in binders)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (binder.Model.HasErrors) continue;
                    var emitted = binder.Kind.Compile(binder, cancellationToken);
                    if (emitted is null) continue;
                    // The metadata name: a keyword's '@' belongs to C# source only, not to reflection or file names.
                    var typeName = emitted.TypeName.TrimStart('@');
                    if (irs != null && emitted.Ir != null) irs[binder.Model.Name] = emitted.Ir;
                    models.Add(new GeneratedModel(binder.Model.Name, binder.Model.Kind, ModelNamespace + "." + typeName,
                        typeName + ".g.cs", emitted.Source));
                }
            }
            var sorted = diagnostics.ToList();
            return new CompilationResult(sorted, diagnostics.HasErrors ? new List<GeneratedModel>() : models);
        }
    }

    /// <summary>What <see cref="RlSpecCompiler.Compile"/> produced.</summary>
    public sealed class CompilationResult
    {
        public CompilationResult(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<GeneratedModel> models)
        {
            Diagnostics = diagnostics;
            Models = models;
        }

        /// <summary>All diagnostics, in source order.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>One entry per model; empty when there is any error.</summary>
        public IReadOnlyList<GeneratedModel> Models { get; }

        public bool HasErrors => Diagnostics.Any(d => d.IsError);
    }

    /// <summary>
    /// One emitted model: its name in the .rlspec file, its kind keyword (<c>mdp</c>), the fully qualified
    /// C# type name, the hint name for the generated file, and the C# text. Plain data with value
    /// equality, so it can cross the source generator's cache boundary.
    /// </summary>
    public sealed record GeneratedModel(string Name, string Kind, string TypeName, string HintName, string Source);
}
