using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Cli;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Compiler.Data;
using RlSpec.Generators;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler.Problems;

/// <summary>
/// <c>let A = csv("data/a.csv")</c> in a problem: the numbers of a CSV file, read at compile time by the host (the
/// command line from the disk, the source generator from AdditionalFiles) and embedded in the emitted code. Every
/// mistake in Diagnostics/CsvCases/ gives its one diagnostic (golden text) through the compiler API, the command
/// line and the generator; numbers parse culture-invariant and round-trip exactly.
/// </summary>
public class CsvDataTests
{
    private static string CasesDirectory => Path.Combine(Paths.Tests, "Diagnostics", "CsvCases");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(CasesDirectory, "*.rlspec").Select(f => new object[] { Path.GetFileNameWithoutExtension(f) }).OrderBy(x => (string)x[0]);

    private static string CasePath(string name) => Path.Combine(CasesDirectory, name + ".rlspec");

    private static CompilationResult CompileCase(string name) =>
        RlSpecCompiler.Compile(name + ".rlspec", File.ReadAllText(CasePath(name)), null, default, null, new FileDataFiles(CasePath(name)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiler_api_gives_exactly_one_error_with_the_golden_text(string name)
    {
        var result = CompileCase(name);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.Equal(name.Substring(0, 7), errors[0].Id);
        Assert.True(errors[0].Span.Line >= 1 && errors[0].Span.Column >= 1);
        Assert.Empty(result.Models);
        // The missing file's message names the machine's folder: the golden text keeps the part before it.
        var text = string.Join("\n", result.Diagnostics.Select(d => d.Format()));
        if (name.StartsWith("RLS0930", StringComparison.Ordinal)) text = text.Substring(0, text.IndexOf("looked for", StringComparison.Ordinal));
        Snapshot.Verify(text + "\n", name, "txt", CasesDirectory);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Command_line_reports_the_same_error(string name)
    {
        var api = CompileCase(name).Diagnostics.Single(d => d.IsError);
        var output = new StringWriter();
        Assert.Equal(1, Program.Run(new[] { "check", CasePath(name) }, output, new StringWriter()));
        var text = output.ToString();
        Assert.Contains($"({api.Span.Line},{api.Span.Column}): error {api.Id}: ", text);
        Assert.Contains(api.Message, text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_reports_the_same_error_from_additional_files(string name)
    {
        var api = CompileCase(name).Diagnostics.Single(d => d.IsError);
        var texts = new List<AdditionalText> { new InMemoryText(CasePath(name), File.ReadAllText(CasePath(name))) };
        texts.AddRange(Directory.GetFiles(Path.Combine(CasesDirectory, "data"), "*.csv").Select(f => new InMemoryText(f, File.ReadAllText(f))));
        var result = Driver(texts.ToArray()).RunGenerators(EmptyCompilation()).GetRunResult().Results.Single();
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(api.Id, error.Id);
        var where = error.Location.GetLineSpan();
        Assert.Equal(api.Span.Line, where.StartLinePosition.Line + 1);
        Assert.Equal(api.Span.Column, where.StartLinePosition.Character + 1);
        var message = error.GetMessage(CultureInfo.InvariantCulture);
        if (api.Id == "RLS0930")
            Assert.Contains("<AdditionalFiles Include=\"data/no-such-file.csv\" />", message); // the fix-it says how to add it
        else
            Assert.Contains(api.Message, message);
    }

    [Fact]
    public void A_file_that_is_on_disk_but_not_in_additional_files_is_missing_for_the_generator()
    {
        var spec = Path.Combine(CasesDirectory, "data", "..", "probe.rlspec");
        var text = "problem P {\n  let A = csv(\"data/two-by-two.csv\")\n  var x : vector(2)\n  minimize inner(x, A * x)\n}\n";
        var result = Driver(new InMemoryText(spec, text)).RunGenerators(EmptyCompilation()).GetRunResult().Results.Single();
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("RLS0930", error.Id);
        Assert.Contains("AdditionalFiles", error.GetMessage(CultureInfo.InvariantCulture));
    }

    // ---- Values ---------------------------------------------------------------------------------------

    /// <summary>Values at the edges of double, as text that must read back to exactly these bits.</summary>
    private static readonly double[] Edges =
    {
        double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, 2.2250738585072009E-308,
        0.1, 1.0 / 3, -0.0, 0.0, 1e22, 9007199254740993, 123456789.123456789, -7.5e-300, 4.35, 1,
    };

    private static string EdgeCsv() =>
        string.Join("\n", Edges.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n";

    private static string WithData(string dir, string csvName, string csvText, string problem)
    {
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllText(Path.Combine(dir, "data", csvName), csvText);
        var spec = Path.Combine(dir, "p.rlspec");
        File.WriteAllText(spec, problem);
        return spec;
    }

    /// <summary>The let's numbers as the compiled problem holds them (its private Data object).</summary>
    private static double[] EmbeddedData(object problem, string let)
    {
        var data = problem.GetType().GetField("_d", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(problem)!;
        return (double[])data.GetType().GetField(let)!.GetValue(data)!;
    }

    [Fact]
    public void Numbers_at_the_edges_of_double_round_trip_exactly_in_any_culture()
    {
        var dir = Directory.CreateTempSubdirectory("rlspec-csv-");
        var culture = CultureInfo.CurrentCulture;
        try
        {
            var spec = WithData(dir.FullName, "edges.csv", EdgeCsv(),
                $"problem P {{\n  let a = csv(\"data/edges.csv\", vector({Edges.Length}))\n  var x : vector({Edges.Length})\n  minimize sqnorm(x) + inner(x, a) / 1e300\n}}\n");
            // A culture whose decimal separator is a comma must change nothing.
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var result = RlSpecCompiler.Compile(spec, File.ReadAllText(spec), null, default, null, new FileDataFiles(spec));
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
            var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models));
            Assert.True(loaded.Errors.Count == 0, string.Join("\n", loaded.Errors));
            var a = EmbeddedData(loaded.Host!, "a");
            Assert.Equal(Edges.Select(BitConverter.DoubleToInt64Bits), a.Select(BitConverter.DoubleToInt64Bits));
            Assert.Contains("-0.0,", result.Models[0].Source); // the sign of zero survives as a literal
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            dir.Delete(true);
        }
    }

    [Fact]
    public void Seventeen_digit_and_shortest_texts_read_the_same_and_the_literal_is_exact()
    {
        foreach (var v in Edges)
        {
            foreach (var text in new[] { v.ToString("R", CultureInfo.InvariantCulture), v.ToString("G17", CultureInfo.InvariantCulture), v.ToString("E16", CultureInfo.InvariantCulture) })
            {
                var table = CsvTable.Parse(text + "\r\n", false, out var problem, out var message);
                Assert.True(table != null, $"{text}: {problem} {message}");
                Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(table!.Values[0]));
            }
        }
        // Independent check of the emitted literal: Roslyn reads it back to the same bits.
        foreach (var v in Edges)
        {
            var literal = typeof(RlSpecCompiler).Assembly.GetType("RlSpec.Compiler.Kinds.Problem.Emit.ProblemEmitter")!
                .GetMethod("ExactReal", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, new object[] { v })!;
            var tree = CSharpSyntaxTree.ParseText($"class K {{ const double V = {literal}; }}");
            var model = CSharpCompilation.Create("k", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }).GetSemanticModel(tree);
            var field = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>().Single();
            var value = (double)model.GetConstantValue(field.Initializer!.Value).Value!;
            Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(value));
        }
    }

    [Fact]
    public void Shapes_come_from_the_file_and_a_declared_vector_takes_a_row_or_a_column()
    {
        static CsvTable Parse(string s) => CsvTable.Parse(s, false, out _, out _)!;
        var m = Parse("1, 2, 3\n4,5,6\n\n");
        Assert.Equal((2, 3), (m.Rows, m.Columns));
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, m.Values);
        var dir = Directory.CreateTempSubdirectory("rlspec-csv-");
        try
        {
            var spec = WithData(dir.FullName, "row.csv", "1.5,-2,3e-1\n",
                "problem P {\n  let r = csv(\"data/row.csv\", vector(3))\n  let M = csv(\"data/row.csv\")\n  var x : vector(3)\n  minimize sqnorm(x - r) + total(M * x)\n}\n");
            var result = RlSpecCompiler.Compile(spec, File.ReadAllText(spec), null, default, null, new FileDataFiles(spec));
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
            var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models));
            var p = Assert.IsAssignableFrom<RlSpec.Runtime.Optimization.ICompositeProblem>(loaded.Host);
            // f(x) = ‖x − r‖² + M·x with M the 1×3 row: at x = 0, f = ‖r‖² and ∇f = −2r + Mᵀ.
            var g = new double[3];
            double f = p.Gradient(new double[3], g, 1);
            Assert.Equal(1.5 * 1.5 + 4 + 0.09, f, 12);
            Assert.Equal(new[] { -3 + 1.5, 4 - 2, -0.6 + 0.3 }, g.Select(v => Math.Round(v, 12)));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void More_numbers_than_a_problem_embeds_is_an_absurd_size()
    {
        var text = string.Concat(Enumerable.Repeat("0,0,0,0,0,0,0,0,0,0\n", CsvTable.MaxNumbers / 10 + 1));
        Assert.Null(CsvTable.Parse(text, false, out var problem, out var message));
        Assert.Equal(CsvProblem.TooLarge, problem);
        Assert.Contains("more than 1,000,000 numbers", message);
    }

    [Fact]
    public void A_header_is_skipped_only_when_asked_and_otherwise_the_message_suggests_it()
    {
        Assert.NotNull(CsvTable.Parse("a,b\n1,2\n", true, out _, out _));
        Assert.Null(CsvTable.Parse("a,b\n1,2\n", false, out var problem, out var message));
        Assert.Equal(CsvProblem.Unparsable, problem);
        Assert.Contains("header = 1", message);
        Assert.Equal("line 2, column 2: 'x' is not a number; write numbers with a decimal point and an optional exponent, like -1.5e-3",
            (CsvTable.Parse("1,2\n3,x\n", false, out _, out var m2), m2).m2);
    }

    [Fact]
    public void The_generator_compiles_again_when_the_csv_changes_and_not_otherwise()
    {
        var spec = new InMemoryText("/proj/models/p.rlspec", "problem P {\n  let a = csv(\"../data/a.csv\")\n  var x : vector(2)\n  minimize sqnorm(x - a)\n}\n");
        var csv = new InMemoryText("/proj/data/a.csv", "1.25\n2.5\n");
        var compilation = EmptyCompilation();
        var driver = Driver(spec, csv).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Empty(first.Diagnostics);
        Assert.Contains("1.25, 2.5,", Assert.Single(first.GeneratedSources).SourceText.ToString().Replace("\n", " ").Replace("  ", " "));
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D {}")));
        Assert.All(driver.GetRunResult().Results.Single().TrackedSteps[RlSpecGenerator.CompiledStep].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        driver = driver.ReplaceAdditionalText(csv, new InMemoryText("/proj/data/a.csv", "1.25\n7.75\n")).RunGenerators(compilation);
        var second = driver.GetRunResult().Results.Single();
        Assert.Contains(second.TrackedSteps[RlSpecGenerator.CompiledStep].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("7.75", Assert.Single(second.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void Paths_resolve_against_the_rlspec_file_by_string_operations()
    {
        Assert.Equal("/proj/data/a.csv", DataFilePaths.Resolve("/proj/models/p.rlspec", "../data/a.csv"));
        Assert.Equal("C:/proj/models/data/a.csv", DataFilePaths.Resolve(@"C:\proj\models\p.rlspec", @"data\a.csv"));
        Assert.Equal("/abs/a.csv", DataFilePaths.Resolve("/proj/p.rlspec", "/abs/./a.csv"));
        Assert.Equal("data/a.csv", DataFilePaths.Resolve("p.rlspec", "./data/a.csv"));
    }

    // ---- The example --------------------------------------------------------------------------------

    [Fact]
    public void The_csv_example_fits_the_least_squares_solution_and_runs_from_the_command_line()
    {
        var file = Path.Combine(Paths.Examples, "optimization", "least-squares-csv.rlspec");
        var p = ProblemTestSupport.Load(File.ReadAllText(file));
        // An independent solution: the normal equations AᵀA w = Aᵀy from the files, parsed here without the compiler.
        var rows = File.ReadAllLines(Path.Combine(Paths.Examples, "optimization", "data", "regression-features.csv")).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var y = File.ReadAllLines(Path.Combine(Paths.Examples, "optimization", "data", "regression-targets.csv")).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(40, rows.Length);
        var normal = new double[3, 4];
        for (int i = 0; i < 40; i++)
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++) normal[j, k] += rows[i][j] * rows[i][k];
                normal[j, 3] += rows[i][j] * y[i];
            }
        for (int c = 0; c < 3; c++)
            for (int r = c + 1; r < 3; r++)
            {
                double f = normal[r, c] / normal[c, c];
                for (int k = c; k < 4; k++) normal[r, k] -= f * normal[c, k];
            }
        var w = new double[3];
        for (int r = 2; r >= 0; r--) w[r] = (normal[r, 3] - Enumerable.Range(r + 1, 2 - r).Sum(k => normal[r, k] * w[k])) / normal[r, r];
        var g = new double[3];
        p.Gradient(w, g, 1);
        Assert.True(g.Max(Math.Abs) < 1e-12, string.Join(", ", g));
        Assert.InRange(w[0], 1.4, 1.6);  // the coefficients the data was generated with: 1.5, −2, 0.75
        Assert.InRange(w[1], -2.1, -1.9);
        var output = new StringWriter();
        Assert.Equal(0, Program.Run(new[] { "run", file }, output, new StringWriter()));
        Assert.Contains("FitFromCsv", output.ToString());
    }

    // ---- Generator plumbing ---------------------------------------------------------------------------

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(RlSpec.Runtime.Mdp.IMdp).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static GeneratorDriver Driver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { new RlSpecGenerator().AsSourceGenerator() },
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
