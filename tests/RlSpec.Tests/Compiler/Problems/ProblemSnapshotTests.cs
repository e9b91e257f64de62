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
    [MemberData(nameof(ProblemTestSupport.Examples), MemberType = typeof(ProblemTestSupport))]
    public void Emitted_problem_matches_the_snapshot(string file)
    {
        var result = RlSpecCompiler.Compile("examples/optimization/" + file, ProblemTestSupport.ExampleText(file), null, default, null, ProblemTestSupport.ExampleDataFiles);
        Assert.Empty(result.Diagnostics);
        var model = Assert.Single(result.Models, m => m.Kind == "problem"); // a file may also hold experiments on it
        Snapshot.Verify(model.Source, model.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    [Fact]
    public void Solve_describes_a_problem()
    {
        var output = new StringWriter();
        int code = RlSpec.Cli.Program.Run(new[] { "solve", Path.Combine(Paths.Examples, "optimization", "matrix-sensing.rlspec") }, output, new StringWriter());
        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("Sensing: an optimization problem with 250 numbers in x, a finite sum of 1,000 terms.", text);
        Assert.Contains("X : matrix(50, 5) in reals", text);
    }
}
