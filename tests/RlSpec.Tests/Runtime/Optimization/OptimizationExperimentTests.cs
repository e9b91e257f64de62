using System;
using System.IO;
using System.Linq;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Optimization.Schedules;
using Xunit;

namespace RlSpec.Tests.Runtime.Optimization;

/// <summary>The optimization experiment engine: its statistics against closed forms, named metric series, regret.</summary>
public class OptimizationExperimentTests
{
    private static ExperimentSpec Spec(long iterations, params Statistic[] record) => new()
    {
        Name = "t", Model = "p", Horizon = iterations, Runs = 1, Seed = 1, Record = record,
        Checkpoints = Checkpoints.Linear(1), Unit = "iterations",
    };

    [Fact]
    public void Gradient_descent_on_a_quadratic_records_closed_form_curves()
    {
        // A = diag(1, 2), x* = 1, x₀ = 0, η = 0.25: x_k,i = 1 − (1 − η λ_i)^k exactly.
        var problem = Quadratic.Diagonal([1, 2]);
        var entry = new OptimizationMethodEntry<Quadratic, GradientDescent<Quadratic>>("gd", "GD", [new("step", "0.25")], () => new(StepSchedule.Constant(0.25)));
        var result = OptimizationExperiment.Run(Spec(20, Statistic.Objective, Statistic.GradientNorm, Statistic.Distance, Statistic.AverageDistance, Statistic.Metrics),
            [entry], problem, new OptimizationTargets { Optimum = [1, 1] });
        var layout = result.Layouts[0];
        double avg0 = 0, avg1 = 0;
        for (int k = 1; k <= 20; k++)
        {
            double e0 = Math.Pow(0.75, k), e1 = Math.Pow(0.5, k);
            avg0 += (1 - e0 - avg0) / k; avg1 += (1 - e1 - avg1) / k;
            double fStar = -0.5 * (1 + 2);
            Assert.Equal(0.5 * (e0 * e0 + 2 * e1 * e1), result.Value(0, 0, 0, layout.Find(Statistic.Objective)!, k - 1) - fStar, 12);
            Assert.Equal(Math.Sqrt(e0 * e0 + 4 * e1 * e1), result.Value(0, 0, 0, layout.Find(Statistic.GradientNorm)!, k - 1), 12);
            Assert.Equal(Math.Sqrt(e0 * e0 + e1 * e1), result.Value(0, 0, 0, layout.Find(Statistic.Distance)!, k - 1), 12);
            Assert.Equal(Math.Sqrt((avg0 - 1) * (avg0 - 1) + (avg1 - 1) * (avg1 - 1)), result.Value(0, 0, 0, layout.Find(Statistic.AverageDistance)!, k - 1), 12);
            Assert.Equal(1 - e0, result.Value(0, 0, 0, layout.Find(Statistic.Metrics, 0)!, k - 1), 12);
        }
        // The tracked metric is a named series in the outputs.
        var csv = new StringWriter();
        ExperimentCsv.Write(result, csv);
        Assert.Contains("gd,GD,,x0,,1,", csv.ToString());
    }

    [Fact]
    public void Requests_the_problem_cannot_answer_are_refused_with_a_reason()
    {
        var problem = Quadratic.Diagonal([1, 2]);
        var entry = new OptimizationMethodEntry<Quadratic, GradientDescent<Quadratic>>("gd", "GD", [], () => new(StepSchedule.Constant(0.25)));
        Assert.Contains("declared optimum", Assert.Throws<ExperimentException>(() => OptimizationExperiment.Run(Spec(5, Statistic.Distance), [entry], problem)).Message);
        Assert.Contains("saddle", Assert.Throws<ExperimentException>(() => OptimizationExperiment.Run(Spec(5, Statistic.DualityGap), [entry], problem, new OptimizationTargets { GapRadius = 1 })).Message);
        Assert.Contains("online", Assert.Throws<ExperimentException>(() => OptimizationExperiment.Run(Spec(5, Statistic.OnlineRegret), [entry], problem)).Message);
        Assert.Contains("not recorded", Assert.Throws<ExperimentException>(() => OptimizationExperiment.Run(Spec(5, Statistic.Regret), [entry], problem)).Message);
        var fw = new OptimizationMethodEntry<Quadratic, FrankWolfe<Quadratic>>("frank_wolfe", "FW", [], () => new());
        Assert.Contains("bounded", Assert.Throws<ExperimentException>(() => OptimizationExperiment.Run(Spec(5, Statistic.Objective), [fw], problem)).Message);
    }

    [Fact]
    public void Online_gradient_descent_regret_grows_like_the_square_root_of_T()
    {
        // Random ±1 linear losses on [−1, 1]: x_t is independent of c_t, so E[regret_T] = E|Σ c_t| = √(2T/π) (the
        // Ω(√T) lower bound; Cesa-Bianchi and Lugosi 2006, Thm 3.7). Mean over 40 loss sequences, fitted log-log slope.
        int rounds = 10000, sequences = 40;
        var spec = new ExperimentSpec
        {
            Name = "ogd", Model = "signs", Horizon = rounds, Runs = 1, Seed = 1, Record = [Statistic.OnlineRegret],
            Checkpoints = Checkpoints.Logarithmic(12), Unit = "rounds",
        };
        long[] steps = spec.EffectiveCheckpoints.Steps(rounds);
        var mean = new double[steps.Length];
        for (int q = 0; q < sequences; q++)
        {
            var problem = new RandomSignLosses(rounds, (ulong)q + 1);
            var ogd = new OptimizationMethodEntry<RandomSignLosses, ProjectedGradient<RandomSignLosses>>("ogd", "OGD", [], () => new(StepSchedule.InverseSqrt(1)));
            var result = OptimizationExperiment.Run(spec, [ogd], problem);
            var series = result.Layouts[0].Find(Statistic.OnlineRegret)!;
            double sum = 0;
            for (int c = 0; c < steps.Length; c++)
            {
                double regret = result.Value(0, 0, 0, series, c);
                // Independent check of the hindsight term at the end: min_{x∈[−1,1]} Σ c_t x = −|Σ c_t|.
                mean[c] += regret / sequences;
            }
            for (int t = 1; t <= rounds; t++) sum += problem.Sign(t);
            Assert.True(result.Value(0, 0, 0, series, steps.Length - 1) >= -Math.Abs(sum) - 1e-8);
        }
        var use = Enumerable.Range(0, steps.Length).Where(c => steps[c] >= 50).ToArray();
        double sx = use.Sum(c => Math.Log(steps[c])), sy = use.Sum(c => Math.Log(mean[c]));
        double sxx = use.Sum(c => Math.Log(steps[c]) * Math.Log(steps[c])), sxy = use.Sum(c => Math.Log(steps[c]) * Math.Log(mean[c]));
        double slope = (use.Length * sxy - sx * sy) / (use.Length * sxx - sx * sx);
        Assert.InRange(slope, 0.4, 0.6);
    }

    [Fact]
    public void The_hindsight_optimum_matches_the_closed_form()
    {
        var problem = new RandomSignLosses(500, 3);
        for (int t = 1; t <= 500; t += 37)
        {
            double s = 0;
            for (int u = 1; u <= t; u++) s += problem.Sign(u);
            Assert.Equal(-Math.Abs(s), RlSpec.Runtime.Optimization.Metrics.HindsightOptimum.Value(problem, t), 8);
        }
    }
}
