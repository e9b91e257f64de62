using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using RlSpec.Cli;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// Emitted code compiles for every legal name, whatever C# or the framework means by it; its documentation
/// comments are well-formed; and it never contains the directory of the machine that compiled it.
/// </summary>
public class EmittedNamesTests
{
    /// <summary>One model, its names filled in: a discounted model with three ranged variables, a bool, a plain action and a family.</summary>
    private static string Model(string model, IReadOnlyDictionary<string, string> n)
    {
        var text = @"
mdp MODEL {
  param HI = 3, FAMILY = 2, GAMMA = 0.9, W1 = 1, W2 = 2, W3 = 3, W4 = 4, W5 = 5, W6 = 6, W7 = 7
  let HALF = 0.5
  state X in 0..HI
  state Y in 0..1
  state Z in 0..1
  state B : bool
  action PLAIN, FAM(K in 0..FAMILY)
  discount GAMMA
  PLAIN when B && X < HI: X' = min(X + 1, HI)
  PLAIN:                  B' = true
  FAM(K):                 X' = max(X - K, 0) @ HALF | Y' = 1 - Y @ HALF * Z | Z' = 1 - Z @ HALF * (1 - Z)
  reward PLAIN when X > 0 && B: W1 * X + W2 % 3 + W3 + W4 ^ 2 + W5 + W6 + W7
  reward FAM(K): -W1 * K / (Y + 1)
}";
        text = text.Replace("MODEL", model);
        foreach (var (key, name) in n.OrderByDescending(p => p.Key.Length)) text = text.Replace(key, name);
        return text;
    }

    private static readonly Dictionary<string, string> PlainNames = new()
    {
        ["HI"] = "hi", ["FAMILY"] = "family", ["GAMMA"] = "gamma", ["HALF"] = "half",
        ["W1"] = "w1", ["W2"] = "w2", ["W3"] = "w3", ["W4"] = "w4", ["W5"] = "w5", ["W6"] = "w6", ["W7"] = "w7",
        ["X"] = "x", ["Y"] = "y", ["Z"] = "z", ["B"] = "b", ["PLAIN"] = "hold", ["FAM"] = "move", ["K"] = "k",
    };

    /// <summary>Names that C#, the framework, the runtime or the emitted code itself also use.</summary>
    private static readonly Dictionary<string, string> HostileNames = new()
    {
        ["HI"] = "Math", ["FAMILY"] = "Functions", ["GAMMA"] = "Criterion", ["HALF"] = "probability",
        ["W1"] = "CultureInfo", ["W2"] = "nameof", ["W3"] = "global", ["W4"] = "var", ["W5"] = "value", ["W6"] = "Create", ["W7"] = "Solve",
        ["X"] = "System", ["Y"] = "TVisitor", ["Z"] = "stateCount", ["B"] = "State", ["PLAIN"] = "Action", ["FAM"] = "IMdp", ["K"] = "visitor",
    };

    public static IEnumerable<object[]> ModelNames() =>
        new[] { "class", "System", "Math", "IMdp", "Solve", "State", "Action", "Criterion", "Functions", "RlSpec", "Models" }.Select(n => new object[] { n });

    private static double[] SolveInMemory(string text)
    {
        var result = RlSpecCompiler.Compile("names.rlspec", text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var model = Assert.Single(result.Models);
        Assert.DoesNotContain("@", model.HintName);
        var loaded = InMemoryModelCompiler.Load(model);
        Assert.True(loaded.Host != null, string.Join("\n", loaded.Errors));
        Assert.Empty(loaded.MdpHost!.Validate());
        return loaded.MdpHost!.Solve(new SolverOptions { Method = SolverMethod.PolicyIteration }).Values;
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Names_that_CSharp_or_the_runtime_also_use_compile_and_solve_like_plain_names(string modelName)
    {
        var plain = SolveInMemory(Model("Plain", PlainNames));
        var hostile = SolveInMemory(Model(modelName, HostileNames));
        Assert.Equal(32, plain.Length);
        Assert.Equal(plain, hostile);
    }

    [Fact]
    public void Names_that_CSharp_or_the_runtime_also_use_solve_like_plain_names_through_the_cli()
    {
        var dir = Directory.CreateTempSubdirectory("rlspec-names-");
        try
        {
            double[] SolveWithCli(string name, string text)
            {
                var path = Path.Combine(dir.FullName, name + ".rlspec");
                File.WriteAllText(path, text);
                var output = new StringWriter();
                var error = new StringWriter();
                int code = Program.Run(new[] { "solve", path, "--format", "json", "--method", "pi" }, output, error);
                Assert.True(code == 0, error.ToString());
                return JsonDocument.Parse(output.ToString()).RootElement.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            }
            Assert.Equal(SolveWithCli("plain", Model("Plain", PlainNames)), SolveWithCli("hostile", Model("class", HostileNames)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_model_named_like_a_member_of_its_type_gets_the_Model_suffix()
    {
        var result = RlSpecCompiler.Compile("names.rlspec", Model("Solve", PlainNames));
        var model = Assert.Single(result.Models);
        Assert.Equal("RlSpec.Models.SolveModel", model.TypeName);
        Assert.Equal("SolveModel.g.cs", model.HintName);
        Assert.Equal("Solve", model.Name);
    }

    [Fact]
    public void A_keyword_model_name_is_escaped_in_source_but_not_in_the_metadata_or_hint_name()
    {
        var model = Assert.Single(RlSpecCompiler.Compile("names.rlspec", Model("class", PlainNames)).Models);
        Assert.Equal("RlSpec.Models.class", model.TypeName);
        Assert.Equal("class.g.cs", model.HintName);
        Assert.Contains("public readonly partial struct @class ", model.Source);
    }

    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(Paths.Examples, "*.rlspec").Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0]);

    [Fact]
    public void Documentation_comments_of_every_example_build_clean_with_documentation_warnings_as_errors()
    {
        // A consumer with GenerateDocumentationFile and TreatWarningsAsErrors sees every CS15xx warning
        // (malformed XML, missing comments, unknown param names) as an error in generated code.
        var sources = Directory.GetFiles(Paths.Examples, "*.rlspec").OrderBy(f => f)
            .Select(f => Assert.Single(RlSpecCompiler.Compile(Path.GetFileName(f), File.ReadAllText(f)).Models).Source)
            .Append(Assert.Single(RlSpecCompiler.Compile("names.rlspec", Model("class", HostileNames)).Models).Source)
            .Append(Assert.Single(RlSpecCompiler.Compile("a&b<c>.rlspec", Model("Markup", PlainNames)
                .Replace("mdp Markup {", "mdp Markup {\n  until x > 2 && b || x < 0")).Models).Source)
            .ToList();
        var problems = EmittedCompilation.Diagnostics(sources, documentation: true)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error || d.Id.StartsWith("CS15", StringComparison.Ordinal))
            .Select(d => d.ToString())
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Code_compiled_from_an_absolute_path_names_the_file_but_not_its_directory(string file)
    {
        var path = Path.Combine(Paths.Examples, file);
        var model = Assert.Single(RlSpecCompiler.Compile(path, File.ReadAllText(path)).Models);
        Assert.DoesNotContain(Paths.Examples, model.Source);
        Assert.DoesNotContain(Paths.Root, model.Source);
        Assert.Contains($"SourcePath => \"{file}\";", model.Source);
        // A path relative to the project (what the generator passes) is kept.
        var relative = Assert.Single(RlSpecCompiler.Compile("examples/" + file, File.ReadAllText(path)).Models);
        Assert.Contains($"SourcePath => \"examples/{file}\";", relative.Source);
    }

    [Fact]
    public void A_windows_path_is_reduced_to_its_file_name_on_every_platform()
    {
        Assert.Equal("river-swim.rlspec", CSharpNamesPortable(@"C:\Users\someone\models\river-swim.rlspec"));
        Assert.Equal("river-swim.rlspec", CSharpNamesPortable(@"\\server\share\river-swim.rlspec"));
        Assert.Equal("river-swim.rlspec", CSharpNamesPortable("/home/someone/river-swim.rlspec"));
        Assert.Equal("models/river-swim.rlspec", CSharpNamesPortable(@"models\river-swim.rlspec"));
    }

    private static string CSharpNamesPortable(string path) => RlSpec.Compiler.Emit.CSharpNames.PortablePath(path);
}
