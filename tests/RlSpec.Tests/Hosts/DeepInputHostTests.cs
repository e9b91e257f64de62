using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Cli;
using RlSpec.Generators;
using RlSpec.Tests.Compiler;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>Deep input in every host: the CLI and the source generator report RLS0004 and never crash.</summary>
public class DeepInputHostTests
{
    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    public static System.Collections.Generic.IEnumerable<object[]> KindNames() => DeepInputTests.KindNames();

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_cli_reports_20_000_levels_as_one_diagnostic_and_exits_1(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rlspec-deep-{Path.GetRandomFileName()}.rlspec");
        File.WriteAllText(path, DeepInputTests.Model(DeepInputTests.Kinds[kind](20_000)));
        try
        {
            var (code, output) = DeepInputTests.OnSmallStack(() =>
            {
                var o = new StringWriter();
                return (Program.Run(new[] { "check", path }, o, new StringWriter()), o.ToString());
            });
            Assert.Equal(1, code);
            var line = Assert.Single(output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
            Assert.Matches(@"\.rlspec\(6,\d+\): error RLS0004: ", line);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_generator_reports_20_000_levels_as_RLS0004_at_the_rlspec_file(string kind)
    {
        var text = DeepInputTests.Model(DeepInputTests.Kinds[kind](20_000));
        var compilation = CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = DeepInputTests.OnSmallStack(() => CSharpGeneratorDriver
            .Create(new[] { new RlSpecGenerator().AsSourceGenerator() }, additionalTexts: new[] { new InMemoryText("/m/deep.rlspec", text) })
            .RunGenerators(compilation).GetRunResult().Results.Single());
        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RLS0004", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var span = d.Location.GetLineSpan();
        Assert.Equal("/m/deep.rlspec", span.Path);
        Assert.Equal(5, span.StartLinePosition.Line); // 0-based: line 6, the reward
    }
}
