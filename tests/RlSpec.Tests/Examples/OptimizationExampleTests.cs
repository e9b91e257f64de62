using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Hosting;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Tests.Compiler.Problems;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// The examples under examples/optimization reproduce published behaviour, compiled from their source (reduced sizes
/// where the full size is slow; the full-size curves are in docs/optimization/).
/// </summary>
public class OptimizationExampleTests
{
    private static BoxedProblem Load(string file, params (string Name, string Value)[] overrides) =>
        new(ProblemTestSupport.Load(ProblemTestSupport.ExampleText(file), overrides.ToDictionary(o => o.Name, o => o.Value)));

    private static BoxedProblem LoadText(string text, params (string Name, string Value)[] overrides) =>
        new(ProblemTestSupport.Load(text, overrides.ToDictionary(o => o.Name, o => o.Value)));

    /// <summary>Runs <paramref name="method"/> and returns the problem's tracked metrics at every iteration (row k = after step k).</summary>
    internal static double[][] Track<TMethod>(TMethod method, BoxedProblem problem, int iterations, int every = 1) where TMethod : struct, IFirstOrderMethod<BoxedProblem>
    {
        var spec = new ExperimentSpec
        {
            Name = "x", Model = "p", Horizon = iterations, Runs = 1, Seed = 1, Unit = "iterations",
            Record = [Statistic.Metrics], Checkpoints = Checkpoints.Linear(every),
        };
        var entry = new OptimizationMethodEntry<BoxedProblem, TMethod>("m", "m", [], () => method);
        var result = OptimizationExperiment.Run(spec, [entry], problem);
        var layout = result.Layouts[0];
        return Enumerable.Range(0, result.CheckpointSteps.Length)
            .Select(c => layout.Series.Select(s => result.Value(0, 0, 0, s, c)).ToArray()).ToArray();
    }

    private static int FirstAbove(double[][] rows, int column, double level) => Array.FindIndex(rows, r => r[column] >= level);

    [Fact]
    public void Gradient_descent_on_matrix_sensing_learns_the_eigenvalues_one_at_a_time()
    {
        // Jin et al. 2023: from a small initialization GD fits the eigenvalues 1, 0.5, 0.25 of M* in order, each
        // rising only after the previous one has been learned (reduced size n = 20, m = 400; the example's 50/1000 in docs).
        var problem = Load("matrix-sensing.rlspec", ("n", "20"), ("m", "400"));
        var rows = Track(new GradientDescent<BoxedProblem>(StepSchedule.Constant(0.05)), problem, 1500);
        Assert.Equal(4, problem.MetricNames.Count); // error, then the top three eigenvalues of X Xᵀ
        double[] target = [1, 0.5, 0.25];
        int[] learned = [FirstAbove(rows, 1, 0.5 * target[0]), FirstAbove(rows, 2, 0.5 * target[1]), FirstAbove(rows, 3, 0.5 * target[2])];
        Assert.All(learned, t => Assert.True(t > 0, string.Join(", ", learned)));
        Assert.True(learned[0] < learned[1] && learned[1] < learned[2], string.Join(", ", learned));
        // One at a time: when eigenvalue i reaches half its target, eigenvalue i + 1 is still below 5% of its own.
        for (int i = 0; i < 2; i++) Assert.True(rows[learned[i]][i + 2] < 0.05 * target[i + 1], $"eigenvalue {i + 1} at step {learned[i]}: {rows[learned[i]][i + 2]}");
        // All three learned; what is left is the slow (polynomial) decay of the k − r = 2 spurious directions.
        Assert.True(rows[^1][0] < 5e-3, $"final error {rows[^1][0]}; learned at {string.Join(", ", learned)}; error at 800 {rows[799][0]}, 1000 {rows[999][0]}");
    }

    [Fact]
    public void Over_parameterization_turns_linear_convergence_polynomial()
    {
        int iterations = 6000;
        var exact = Track(new GradientDescent<BoxedProblem>(StepSchedule.Constant(0.05)), Load("matrix-sensing-overparameterized.rlspec", ("k", "3")), iterations, every: 10);
        var over = Track(new GradientDescent<BoxedProblem>(StepSchedule.Constant(0.05)), Load("matrix-sensing-overparameterized.rlspec", ("k", "5")), iterations, every: 10);
        // k = r: linear — the error reaches round-off level.
        Assert.True(exact[^1][0] < 1e-9, $"k = r final error {exact[^1][0]}");
        // k > r: polynomial — the fitted log-log slope of the error over the last decade of iterations.
        var points = Enumerable.Range(0, over.Length).Select(c => (T: 10.0 * (c + 1), E: over[c][0])).Where(p => p.T >= iterations / 10.0).ToArray();
        double sx = points.Sum(p => Math.Log(p.T)), sy = points.Sum(p => Math.Log(p.E)), sxx = points.Sum(p => Math.Log(p.T) * Math.Log(p.T)), sxy = points.Sum(p => Math.Log(p.T) * Math.Log(p.E));
        double slope = (points.Length * sxy - sx * sy) / (points.Length * sxx - sx * sx);
        Assert.InRange(slope, -2.5, -0.5);
        Assert.True(over[^1][0] > 1e3 * exact[^1][0], $"k > r {over[^1][0]} vs k = r {exact[^1][0]}");
    }

    [Fact]
    public void The_subgradient_method_on_the_l1_loss_recovers_a_corrupted_matrix_where_l2_descent_does_not()
    {
        string l1 = ProblemTestSupport.ExampleText("robust-recovery.rlspec");
        string l2 = l1.Replace("abs(inner(A[i], X * X') - y[i])", "(inner(A[i], X * X') - y[i])^2");
        Assert.NotEqual(l1, l2);
        var robust = Track(new SubgradientMethod<BoxedProblem>(StepSchedule.Geometric(0.05, 0.995)), LoadText(l1), 3000, every: 100);
        var squared = Track(new GradientDescent<BoxedProblem>(StepSchedule.Constant(0.002)), LoadText(l2), 3000, every: 100);
        Assert.True(robust[^1][0] < 1e-3, $"l1 sub-gradient relative error {robust[^1][0]}");
        Assert.True(squared[^1][0] > 1e-1, $"l2 GD relative error {squared[^1][0]}");
    }

    [Fact]
    public void Gda_stays_away_from_the_saddle_of_the_bilinear_example_while_extragradient_and_ogda_converge()
    {
        var problem = Load("bilinear-saddle.rlspec");
        var x0 = new double[problem.Dimension];
        var random = RlSpec.Runtime.Randomness.RandomStream.Create(1, 1);
        problem.Initialize(x0, ref random);
        var start = new double[1];
        problem.Metrics(x0, start); // the distance to the saddle point (0, 0) at the start
        var step = StepSchedule.Constant(0.05);
        var gda = Track(new SaddlePointMethods<BoxedProblem>(SaddleAlgorithm.GradientDescentAscent, step), problem, 20000, every: 1000);
        var eg = Track(new SaddlePointMethods<BoxedProblem>(SaddleAlgorithm.Extragradient, step), problem, 20000, every: 1000);
        var ogda = Track(new SaddlePointMethods<BoxedProblem>(SaddleAlgorithm.OptimisticGradientDescentAscent, step), problem, 20000, every: 1000);
        // On the balls GDA cannot diverge; it circles near their boundary and never approaches the saddle point
        // (unconstrained, it diverges: SaddleAndMirrorTests).
        Assert.True(gda.All(row => row[0] > 0.5 * start[0]), $"GDA distance {start[0]} -> min {gda.Min(r => r[0])}");
        Assert.True(eg[^1][0] < 1e-3 * start[0], $"EG distance {string.Join(" ", eg.Select(r => r[0].ToString("G3")))}");
        Assert.True(ogda[^1][0] < 1e-3 * start[0], $"OGDA distance {string.Join(" ", ogda.Select(r => r[0].ToString("G3")))}");
    }
}
