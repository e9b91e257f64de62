using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Cli.Hosting;

/// <summary>
/// The CLI's host for emitted code: compiles the C# from <c>RlSpecCompiler</c> in memory with Roslyn
/// (the same text the source generator adds to a build), loads it into a collectible load context,
/// creates the model with its defaults (the compiler has already baked in -p overrides) and wraps it
/// in the runtime's non-generic host for its kind (<see cref="HostFactories"/>: <see cref="IMdpHost"/> for an mdp).
/// The commands pass a <see cref="ModelAssemblyCache"/>, so a model compiled before is loaded without Roslyn.
/// </summary>
public static class InMemoryModelCompiler
{
    /// <summary>
    /// Per model kind, how to wrap a created model value (of the emitted type) in the runtime's host for
    /// that kind. A new kind adds one entry here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<Type, object, object>> HostFactories = new Dictionary<string, Func<Type, object, object>>
    {
        ["mdp"] = (type, model) => Activator.CreateInstance(typeof(MdpHost<>).MakeGenericType(type), model)!,
        // A bandit needs no host: the created value is an IBandit (boxed; the CLI only reads its arms).
        ["bandit"] = (type, model) => model,
        // A problem needs no host either: the created value is an IOptimizationProblem (boxed).
        ["problem"] = (type, model) => model,
        // A game's Create returns the runtime's GameModel, which the CLI's game solvers read directly.
        ["game"] = (type, model) => model,
    };

    /// <summary>The result of compiling: a model host (its type depends on the kind), or the C# compiler's errors (which would be a bug in the emitter).</summary>
    public sealed record Loaded(object? Host, IReadOnlyList<string> Errors)
    {
        /// <summary>
        /// The diagnostic id of <see cref="Errors"/>: the rule a model's run-time data broke (<see cref="RlSpec.Runtime.Modeling.ModelDataException"/>),
        /// else RLS9998 (the emitted C# did not compile or could not create the model: a bug).
        /// </summary>
        public string ErrorId { get; init; } = "RLS9998";

        /// <summary>The host when the model is an mdp.</summary>
        public IMdpHost? MdpHost => Host as IMdpHost;
    }

    /// <summary>
    /// Compiles the C# of several declarations of one file into one in-memory assembly (an experiment's
    /// class calls its bandit's <c>Create</c>) and loads it; null with the C# compiler's errors (an emitter bug).
    /// With a <paramref name="cache"/>, an assembly compiled before from the same code is loaded without compiling.
    /// </summary>
    public static (Assembly? Assembly, IReadOnlyList<string> Errors) CompileAll(IEnumerable<RlSpec.Compiler.GeneratedModel> models, ModelAssemblyCache? cache = null)
    {
        var image = Image(models.Select(m => (m.HintName, m.Source)).ToList(), cache, out var errors);
        if (image is null) return (null, errors);
        var context = new AssemblyLoadContext("rlspec-models", isCollectible: true);
        using var stream = new MemoryStream(image, writable: false);
        return (context.LoadFromStream(stream), Array.Empty<string>());
    }

    /// <summary>Compiles, loads and hosts one model the compiler produced (from <paramref name="cache"/> when it has it).</summary>
    public static Loaded Load(RlSpec.Compiler.GeneratedModel model, ModelAssemblyCache? cache = null) => Load(model.Source, model.TypeName, model.Kind, cache);

    public static Loaded Load(string source, string typeName, string kind, ModelAssemblyCache? cache = null)
    {
        if (!HostFactories.TryGetValue(kind, out var factory))
            return new Loaded(null, new[] { $"the command line cannot host '{kind}' models yet" });
        var image = Image(new List<(string, string)> { (typeName + ".g.cs", source) }, cache, out var errors);
        if (image is null) return new Loaded(null, errors);
        using var stream = new MemoryStream(image, writable: false);
        var context = new AssemblyLoadContext("rlspec-model", isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        var type = assembly.GetType(typeName) ?? throw new InvalidOperationException($"emitted assembly has no type {typeName}");
        var create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{typeName} has no Create method");
        object model;
        try
        {
            model = create.Invoke(null, create.GetParameters().Select(_ => Type.Missing).ToArray())!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is RlSpec.Runtime.Modeling.ModelDataException data)
        {
            return new Loaded(null, new[] { data.Message }) { ErrorId = data.Id };
        }
        catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException argument)
        {
            return new Loaded(null, new[] { "creating the model failed: " + argument.Message });
        }
        return new Loaded(factory(type, model), Array.Empty<string>());
    }

    /// <summary>How many times this thread ran the C# compiler (tests tell a cache hit from a miss by it).</summary>
    [ThreadStatic] internal static int CompilationsOnThisThread;

    /// <summary>The assembly of these sources: from the cache, or compiled (and then cached); null with the C# compiler's errors.</summary>
    private static byte[]? Image(IReadOnlyList<(string Name, string Source)> sources, ModelAssemblyCache? cache, out IReadOnlyList<string> errors)
    {
        errors = Array.Empty<string>();
        string key = ModelAssemblyCache.Key(sources);
        if (cache?.TryGet(key) is { } cached) return cached;
        CompilationsOnThisThread++;
        var image = CSharpBackend.Compile(sources, "RlSpec.Emitted." + key.Substring(0, 16), out errors);
        if (image is not null) cache?.Put(key, image);
        return image;
    }

    /// <summary>
    /// The C# compiler, in its own class: its static fields have the compiler's types, so the runtime loads the
    /// compiler's assemblies only when this class is first used, which a cache hit never does.
    /// </summary>
    private static class CSharpBackend
    {
        private static readonly Lazy<MetadataReference[]> References = new(() =>
        {
            var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => p.Length > 0)
                .Append(typeof(IMdp).Assembly.Location)
                .Distinct();
            return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
        });

        /// <summary>
        /// Runs the C# compiler. Kept out of line so that a cache hit never loads the compiler's assemblies; deterministic,
        /// so the same sources always give the same bytes (the cache's concurrent writers agree).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static byte[]? Compile(IReadOnlyList<(string Name, string Source)> sources, string assemblyName, out IReadOnlyList<string> errors)
        {
            var options = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, options, path: s.Name)).ToList();
            var compilation = CSharpCompilation.Create(
                assemblyName,
                trees,
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                    nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            if (!emit.Success)
            {
                errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
                return null;
            }
            errors = Array.Empty<string>();
            return stream.ToArray();
        }
    }
}
