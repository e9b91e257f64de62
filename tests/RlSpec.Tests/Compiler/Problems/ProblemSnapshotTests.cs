using System.IO;
using System.Linq;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler.Problems;

/// <summary>
/// The C# emitted for every optimization example is pinned by a snapshot (Snapshots/NAME.verified.cs): the
/// gradient code is reviewed as a diff of readable loops, and a change to the differentiation shows up there.
/// The command line's `solve` describes a problem (a default method is the optimization methods' part).
/// </summary>
public class ProblemSnapshotTests
{
    [Theory]
    [MemberData(nameof(ProblemTestSupport.AllExamples), MemberType = typeof(ProblemTestSupport))]
    public void Emitted_problem_matches_the_snapshot(string file)
    {
        var result = RlSpecCompiler.Compile("examples/optimization/" + file, ProblemTestSupport.ExampleText(file), null, default, null, ProblemTestSupport.ExampleDataFiles);
        Assert.Empty(result.Diagnostics);
        var model = Assert.Single(result.Models, m => m.Kind == "problem"); // a file may also hold experiments on it
        Snapshot.Verify(model.Source, model.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    [Fact]
    public void Solve_runs_gradient_descent_on_matrix_sensing_and_recovers_the_ground_truth()
    {
        // Reduced size, k = r: the objective is not convex at the small initialization (gd by the rule), and the curvature
        // grows past its estimate there, so the step is divided by 10 before gradient descent converges to M*.
        var output = new StringWriter();
        var error = new StringWriter();
        int code = RlSpec.Cli.Program.Run(new[] { "solve", Path.Combine(Paths.Examples, "optimization", "matrix-sensing.rlspec"),
            "-p", "n=10", "-p", "m=100", "-p", "k=3", "--tolerance", "1e-8", "--format", "json" }, output, error);
        Assert.True(code == 0, error.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal("gd", root.GetProperty("method").GetString());
        Assert.True(root.GetProperty("step_reductions").GetInt32() >= 1);
        double recovery = root.GetProperty("metrics").GetProperty("error").GetDouble();
        Assert.True(recovery < 1e-6, $"‖X Xᵀ − M*‖_F = {recovery}");
        // The top eigenvalues of X Xᵀ are M*'s: 1, 0.5, 0.25.
        Assert.Equal(1, root.GetProperty("metrics").GetProperty("eigenvalues(X * X', top = 3)[1]").GetDouble(), 6);
    }
}
