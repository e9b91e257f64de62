using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Infrastructure;

/// <summary>Compiles emitted C# with Roslyn in memory, the way a consumer's build would, and returns what the C# compiler reports.</summary>
public static class EmittedCompilation
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .Append(typeof(IMdp).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    /// <summary>
    /// The diagnostics of compiling <paramref name="sources"/> into a library. With <paramref name="documentation"/>
    /// the documentation comments are parsed and checked, as with GenerateDocumentationFile.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Diagnostics(IEnumerable<string> sources, bool documentation)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, documentation ? DocumentationMode.Diagnose : DocumentationMode.Parse);
        var trees = sources.Select((s, k) => CSharpSyntaxTree.ParseText(s, options, path: $"model{k}.g.cs")).ToList();
        var compilation = CSharpCompilation.Create("RlSpec.Emitted.Check", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        using var xml = documentation ? new MemoryStream() : null;
        return compilation.Emit(stream, xmlDocumentationStream: xml).Diagnostics;
    }
}
