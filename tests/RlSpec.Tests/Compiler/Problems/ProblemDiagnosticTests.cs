using System.IO;
using System.Linq;
using RlSpec.Cli;
using RlSpec.Compiler;
using RlSpec.Compiler.Kinds.Problem;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler.Problems;

/// <summary>
/// The problem kind's diagnostics through the compiler API and the command line (the errors RLS0900–0913
/// also have one golden case each in Diagnostics/Cases), the unused-variable warning, and the compiler-side
/// facts about non-smooth operations that a method needing smoothness warns about.
/// </summary>
public class ProblemDiagnosticTests
{
    private const string Unused = """
        problem Unused {
          var x : vector(3)
          var z : scalar
          minimize sqnorm(x)
        }
        """;

    [Fact]
    public void A_variable_the_objective_never_reads_is_a_warning_naming_it()
    {
        var result = RlSpecCompiler.Compile("unused.rlspec", Unused);
        Assert.False(result.HasErrors);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("RLS0906", warning.Id);
        Assert.False(warning.IsError);
        Assert.Contains("'z'", warning.Message);
        Assert.Equal((3, 7), (warning.Span.Line, warning.Span.Column));
        Assert.Single(result.Models);
    }

    [Theory]
    [InlineData("vector(3) in simplex init zeros", "its entries sum to 0, not 1")]
    [InlineData("vector(3) in simplex init [0.5, 0.6, -0.1]", "it has the negative entry -0.1")]
    [InlineData("vector(3) in simplex init gaussian(scale = 1, seed = 1)", "a random initialization is not a point of the simplex")]
    [InlineData("vector(2) in box(0, 1) init [0.5, 2]", "it has entries from 0.5 to 2, outside [0, 1]")]
    [InlineData("vector(2) in ball(1) init 1", "its norm is 1.4142135623730951, more than the radius 1")]
    [InlineData("vector(2) in nonnegative init [-1, 1]", "it has the negative entry -1")]
    [InlineData("vector(2147483647)", "a vector of 2147483647 entries is more than a problem holds")]
    public void An_initialization_outside_the_domain_or_an_oversized_variable_is_an_error(string declaration, string message)
    {
        var result = RlSpecCompiler.Compile("init.rlspec", $"problem P {{\n  var x : {declaration}\n  minimize sqnorm(x)\n}}\n");
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Contains(message, error.Message);
        Assert.Equal(2, error.Span.Line);
        Assert.Empty(result.Models);
    }

    [Theory]
    [InlineData("vector(3) in simplex init [0.2, 0.3, 0.5]")]
    [InlineData("vector(3) in simplex init 0.3333333333333333")]
    [InlineData("vector(2) in box(-1, 1) init [1, -1]")]
    [InlineData("vector(2) in ball(2) init [1, 1]")]
    [InlineData("vector(2) in nonnegative init zeros")]
    [InlineData("vector(2) in box(0, 1) init uniform(lo = 0, hi = 1, seed = 3)")]
    public void An_initialization_inside_the_domain_compiles(string declaration)
    {
        var result = RlSpecCompiler.Compile("init.rlspec", $"problem P {{\n  var x : {declaration}\n  minimize sqnorm(x)\n}}\n");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
    }

    [Fact]
    public void The_command_line_reports_the_warning_and_each_problem_error()
    {
        var dir = Directory.CreateTempSubdirectory("rlspec-problem-");
        try
        {
            var path = Path.Combine(dir.FullName, "unused.rlspec");
            File.WriteAllText(path, Unused);
            var output = new StringWriter();
            int code = Program.Run(new[] { "check", path }, output, new StringWriter());
            Assert.Equal(0, code);
            Assert.Matches(@"unused\.rlspec\(3,7\): warning RLS0906: variable 'z' is never used", output.ToString());
            var cases = Directory.GetFiles(Path.Combine(Paths.Tests, "Diagnostics", "Cases"), "RLS09*.rlspec");
            Assert.True(cases.Length >= 12);
            foreach (var bad in cases)
            {
                var o = new StringWriter();
                Assert.Equal(1, Program.Run(new[] { "check", bad }, o, new StringWriter()));
                Assert.Contains("error " + Path.GetFileName(bad).Substring(0, 7) + ":", o.ToString());
            }
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Non_smooth_operations_are_listed_with_their_sub_gradients()
    {
        var robust = Facts("robust-recovery.rlspec");
        Assert.Equal("abs at line 13: sign(u), 0 where u = 0", Assert.Single(robust));
        Assert.Equal("l1(x, 0.05) at line 14: sign(x), 0 where x = 0", Assert.Single(Facts("lasso.rlspec")));
        // frobenius appears in a tracked metric only, not in the objective.
        Assert.Empty(Facts("matrix-sensing.rlspec"));
    }

    private static System.Collections.Generic.IReadOnlyList<string> Facts(string example)
    {
        var p = ProblemTestSupport.Load(ProblemTestSupport.ExampleText(example));
        var field = p.GetType().GetField("NonsmoothOperations")!;
        return (System.Collections.Generic.IReadOnlyList<string>)field.GetValue(null)!;
    }
}
