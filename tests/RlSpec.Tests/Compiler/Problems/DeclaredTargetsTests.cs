using System;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Optimization;
using Xunit;

namespace RlSpec.Tests.Compiler.Problems;

/// <summary>
/// <c>optimum x = ...</c> and <c>gap radius = R</c> in a problem: the emitted <c>DeclaredOptimum()</c> and <c>GapRadius</c>,
/// and an experiment's <c>distance</c> and <c>duality_gap</c> from them, checked against closed forms computed from the
/// tracked metrics of the same iterates: for f = xᵀAy on the ball of radius R around 0 the restricted gap is
/// R (‖Aᵀx̄‖ + ‖Aȳ‖) (the inner maximization and minimization of a linear function over a ball).
/// </summary>
public class DeclaredTargetsTests
{
    [Fact]
    public void Declared_optimum_is_the_data_in_the_flat_layout_and_a_number_fills_its_variable()
    {
        var problem = ProblemTestSupport.Load("""
            problem P {
              let c = [1.0, 2.0, 3.0]
              var u : scalar
              var x : vector(3) init zeros
              var w : matrix(2, 2)
              minimize sqnorm(x - c) + u^2 + sqnorm(w)
              optimum w = 0.5, x = 2 * c, u = -1
            }
            """);
        var declared = Assert.IsAssignableFrom<IDeclaredTargets>(problem);
        Assert.Equal(new[] { -1.0, 2, 4, 6, 0.5, 0.5, 0.5, 0.5 }, declared.DeclaredOptimum());
        Assert.Null(declared.GapRadius);
        var none = Assert.IsAssignableFrom<IDeclaredTargets>(ProblemTestSupport.Load("problem Q {\n  var x : vector(2)\n  minimize sqnorm(x)\n}\n"));
        Assert.Null(none.DeclaredOptimum());
    }

    [Fact]
    public void Experiment_records_distance_and_the_restricted_duality_gap_against_closed_forms()
    {
        const double radius = 3;
        var source = $$"""
            problem Bilinear {
              param n = 4
              let A ~ gaussian(n, n, seed = 7)
              var x : vector(n) init gaussian(scale = 1, seed = 8)
              var y : vector(n) init gaussian(scale = 1, seed = 9)
              min x max y inner(x, A * y)
              optimum x = 0, y = 0
              gap radius = {{radius}}
              track norm = sqrt(sqnorm(x) + sqnorm(y)), ax = norm2(A' * x), ay = norm2(A * y)
            }
            experiment E on Bilinear {
              compare gda(step = 0.05), extragradient(step = 0.05)
              iterations 200
              record distance, duality_gap, metrics
            }
            """;
        var compiled = RlSpecCompiler.Compile("targets.rlspec", source);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.Format())));
        var (assembly, errors) = InMemoryModelCompiler.CompileAll(compiled.Models);
        Assert.True(assembly != null, string.Join("\n", errors));
        var result = (ExperimentResult)assembly!.GetType("RlSpec.Models.E")!.GetMethod("Run", new[] { typeof(RunOptions) })!
            .Invoke(null, new object?[] { new RunOptions { Threads = 1 } })!;
        var layout = result.Layouts[0];
        var distance = layout.Series.Single(s => s.Statistic == Statistic.Distance);
        var gap = layout.Series.Single(s => s.Statistic == Statistic.DualityGap);
        var norm = layout.Series.Single(s => s.Label == "norm");
        var ax = layout.Series.Single(s => s.Label == "ax");
        var ay = layout.Series.Single(s => s.Label == "ay");
        for (int a = 0; a < 2; a++)
            for (int c = 0; c < result.CheckpointSteps.Length; c++)
            {
                double d = result.Value(0, 0, a, distance, c), expected = result.Value(0, 0, a, norm, c);
                Assert.True(Math.Abs(d - expected) <= 1e-12 * expected, $"distance {d} vs ‖(x, y)‖ {expected}");
                double g = result.Value(0, 0, a, gap, c), closed = radius * (result.Value(0, 0, a, ax, c) + result.Value(0, 0, a, ay, c));
                Assert.True(Math.Abs(g - closed) <= 1e-6 * closed, $"gap {g} vs R(‖Aᵀx‖ + ‖Ay‖) {closed} at checkpoint {c} of method {a}");
            }
        // GDA spirals out, extragradient in (the distances at the end).
        int last = result.CheckpointSteps.Length - 1;
        Assert.True(result.Value(0, 0, 0, distance, last) > result.Value(0, 0, 1, distance, last));
    }
}
