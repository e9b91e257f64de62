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
/// </summary>
public static class InMemoryModelCompiler
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
    /// Per model kind, how to wrap a created model value (of the emitted type) in the runtime's host for
    /// that kind. A new kind adds one entry here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<Type, object, object>> HostFactories = new Dictionary<string, Func<Type, object, object>>
    {
        ["mdp"] = (type, model) => Activator.CreateInstance(typeof(MdpHost<>).MakeGenericType(type), model)!,
        // A bandit needs no host: the created value is an IBandit (boxed; the CLI only reads its arms).
        ["bandit"] = (type, model) => model,
    };

    /// <summary>The result of compiling: a model host (its type depends on the kind), or the C# compiler's errors (which would be a bug in the emitter).</summary>
    public sealed record Loaded(object? Host, IReadOnlyList<string> Errors)
    {
        /// <summary>The host when the model is an mdp.</summary>
        public IMdpHost? MdpHost => Host as IMdpHost;
    }

    /// <summary>
    /// Compiles the C# of several declarations of one file into one in-memory assembly (an experiment's
    /// class calls its bandit's <c>Create</c>) and loads it; null with the C# compiler's errors (an emitter bug).
    /// </summary>
    public static (Assembly? Assembly, IReadOnlyList<string> Errors) CompileAll(IEnumerable<RlSpec.Compiler.GeneratedModel> models)
    {
        var trees = models.Select(m => CSharpSyntaxTree.ParseText(m.Source, new CSharpParseOptions(LanguageVersion.Latest), path: m.HintName)).ToList();
        var compilation = CSharpCompilation.Create(
            "RlSpec.Emitted." + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
            return (null, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList());
        stream.Position = 0;
        var context = new AssemblyLoadContext("rlspec-models", isCollectible: true);
        return (context.LoadFromStream(stream), Array.Empty<string>());
    }

    /// <summary>Compiles, loads and hosts one model the compiler produced.</summary>
    public static Loaded Load(RlSpec.Compiler.GeneratedModel model) => Load(model.Source, model.TypeName, model.Kind);

    public static Loaded Load(string source, string typeName, string kind)
    {
        if (!HostFactories.TryGetValue(kind, out var factory))
            return new Loaded(null, new[] { $"the command line cannot host '{kind}' models yet" });
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: typeName + ".g.cs");
        var compilation = CSharpCompilation.Create(
            "RlSpec.Emitted." + Guid.NewGuid().ToString("N"),
            new[] { tree },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            return new Loaded(null, errors);
        }
        stream.Position = 0;
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
        catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException argument)
        {
            return new Loaded(null, new[] { "creating the model failed: " + argument.Message });
        }
        return new Loaded(factory(type, model), Array.Empty<string>());
    }
}
