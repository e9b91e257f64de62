using System;
using System.Linq;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Optimization.Metrics;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Optimization;

/// <summary>The shared saddle-point methods on compiled-style problems, mirror descent, optimistic OMD, the restricted gap.</summary>
public class SaddleAndMirrorTests
{
    private static Bilinear RandomBilinear(int n, ulong seed, VariableDomain domain = VariableDomain.Reals)
    {
        var r = RandomStream.Create(seed, 5);
        var a = new double[n * n];
        for (int i = 0; i < a.Length; i++) a[i] = Sampling.Normal(ref r, 0, 1);
        var start = new double[2 * n];
        for (int i = 0; i < start.Length; i++) start[i] = domain == VariableDomain.Simplex ? 1.0 / n : Sampling.Normal(ref r, 0, 1);
        return new Bilinear(a, n, n, start, domain);
    }

    private static double Norm(ReadOnlySpan<double> v) { double s = 0; foreach (double e in v) s += e * e; return Math.Sqrt(s); }

    [Fact]
    public void Gda_diverges_on_a_bilinear_saddle_while_extragradient_and_ogda_converge()
    {
        // min_x max_y xᵀAy has the saddle point 0; GDA's iteration matrix has spectral radius √(1 + η²σ²) > 1
        // (Daskalakis et al. 2018), while EG and OGDA contract for η < 1/σ_max (Mokhtari, Ozdaglar and Pattathil 2020).
        // A = diag(1, 0.8, 0.6, 0.5) from a random start: per-step factors at η = 0.3 are GDA √(1 + η²σ²) ≥ 1.01,
        // EG √(1 − η²σ² + η⁴σ⁴) ≤ 0.989, OGDA similar.
        var a = new double[16];
        double[] sigma = [1, 0.8, 0.6, 0.5];
        for (int i = 0; i < 4; i++) a[i * 4 + i] = sigma[i];
        var problem = new Bilinear(a, 4, 4, RandomBilinear(4, 1).Start);
        var step = StepSchedule.Constant(0.3);
        var gda = FirstOrderMethodTests.Run(new SaddlePointMethods<Bilinear>(SaddleAlgorithm.GradientDescentAscent, step), problem, 3000, x => Norm(x));
        var eg = FirstOrderMethodTests.Run(new SaddlePointMethods<Bilinear>(SaddleAlgorithm.Extragradient, step), problem, 3000, x => Norm(x));
        var ogda = FirstOrderMethodTests.Run(new SaddlePointMethods<Bilinear>(SaddleAlgorithm.OptimisticGradientDescentAscent, step), problem, 3000, x => Norm(x));
        Assert.True(gda[3000] > 10 * gda[0], $"GDA {gda[0]} -> {gda[3000]}");
        Assert.True(eg[3000] < 1e-3 * eg[0], $"EG {eg[0]} -> {eg[3000]}");
        Assert.True(ogda[3000] < 1e-3 * ogda[0], $"OGDA {ogda[0]} -> {ogda[3000]}");
    }

    [Fact]
    public void The_restricted_gap_of_a_bilinear_problem_has_its_closed_form()
    {
        // max_{‖y‖≤R} x̄ᵀAy − min_{‖x‖≤R} xᵀAȳ = R‖Aᵀx̄‖ + R‖Aȳ‖.
        var problem = RandomBilinear(3, 2);
        var gap = new RestrictedDualityGap<Bilinear>(problem, 2.0, null);
        var r = RandomStream.Create(9, 9);
        var a = problem.Matrix;
        for (int trial = 0; trial < 5; trial++)
        {
            var z = Enumerable.Range(0, 6).Select(_ => Sampling.Normal(ref r, 0, 1)).ToArray();
            double atx = 0, ay = 0;
            for (int j = 0; j < 3; j++) { double s = 0; for (int i = 0; i < 3; i++) s += a[i * 3 + j] * z[i]; atx += s * s; }
            for (int i = 0; i < 3; i++) { double s = 0; for (int j = 0; j < 3; j++) s += a[i * 3 + j] * z[3 + j]; ay += s * s; }
            Assert.Equal(2 * Math.Sqrt(atx) + 2 * Math.Sqrt(ay), gap.At(z), 8);
        }
    }

    [Fact]
    public void Mirror_prox_on_a_matrix_game_drives_the_gap_of_the_average_to_zero_in_the_engine()
    {
        var problem = RandomBilinear(5, 3, VariableDomain.Simplex);
        var spec = new ExperimentSpec
        {
            Name = "mp", Model = "game", Horizon = 4000, Runs = 1, Seed = 1, Unit = "iterations",
            Record = [Statistic.DualityGap, Statistic.AverageDualityGap], Checkpoints = Checkpoints.Linear(200),
        };
        var entries = new OptimizationMethodEntry<Bilinear>[]
        {
            new OptimizationMethodEntry<Bilinear, SaddlePointMethods<Bilinear>>("mirror_prox", "MP", [], () => new(SaddleAlgorithm.Extragradient, StepSchedule.Constant(0.2), entropic: true)),
            new OptimizationMethodEntry<Bilinear, SaddlePointMethods<Bilinear>>("gda", "MWU", [], () => new(SaddleAlgorithm.GradientDescentAscent, StepSchedule.Constant(0.1), entropic: true)),
        };
        var result = OptimizationExperiment.Run(spec, entries, problem, new OptimizationTargets { GapRadius = 1 });
        var average = result.Layouts[0].Find(Statistic.AverageDualityGap)!;
        // The simplices are bounded: the gap is the plain matrix-game gap max_j (Aᵀx̄)_j − min_i (Aȳ)_i, checked here independently.
        double mp = result.Value(0, 0, 0, average, 19);
        double mwu = result.Value(0, 0, 1, average, 19);
        Assert.True(mp >= 0 && mp < 1e-2, $"mirror prox average gap {mp}, MWU {mwu}");
    }

    [Fact]
    public void Entropic_mirror_descent_solves_a_quadratic_on_the_simplex_and_refuses_other_domains()
    {
        int n = 5;
        var a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = 1;
        var b = new double[] { 0.1, 0.5, 0.2, 0.1, 0.1 };
        var simplex = new Quadratic(a, b, Enumerable.Repeat(0.2, n).ToArray(), VariableDomain.Simplex);
        var d = FirstOrderMethodTests.Run(new MirrorDescent<Quadratic>(StepSchedule.Constant(0.5)), simplex, 500, x => Math.Sqrt(x.Select((v, i) => (v - b[i]) * (v - b[i])).Sum()));
        Assert.True(d[500] < 1e-8, $"{d[500]}");
        var random = RandomStream.Create(1, 1);
        var md = new MirrorDescent<Quadratic>(StepSchedule.Constant(0.5));
        Assert.Contains("simplex", Assert.Throws<ArgumentException>(() => md.Reset(Quadratic.Diagonal([1, 2]), 10, ref random)).Message);
    }

    [Fact]
    public void Optimistic_omd_follows_the_two_sequence_update_with_a_zero_first_hint()
    {
        // Euclidean optimistic OMD on the box: x_t = Π(x̂_t − η m_t), x̂_{t+1} = Π(x̂_t − η c_t), m_t = c_{t−1}, m_1 = 0.
        var problem = new RandomSignLosses(200, 4);
        double eta = 0.1, hat = 0, previous = 0;
        var expected = new double[201];
        for (int t = 1; t <= 200; t++)
        {
            expected[t] = Math.Clamp(hat - eta * previous, -1, 1);
            hat = Math.Clamp(hat - eta * problem.Sign(t), -1, 1);
            previous = problem.Sign(t);
        }
        var got = FirstOrderMethodTests.Run(new SaddlePointMethods<RandomSignLosses>(SaddleAlgorithm.OptimisticGradientDescentAscent, StepSchedule.Constant(eta)), problem, 200, x => x[0]);
        for (int t = 1; t <= 200; t++) Assert.Equal(expected[t], got[t], 14);
    }

    [Fact]
    public void Saddle_and_mirror_steps_allocate_nothing()
    {
        var problem = RandomBilinear(3, 4);
        FirstOrderMethodTests.AssertNoAllocation(new SaddlePointMethods<Bilinear>(SaddleAlgorithm.Extragradient, StepSchedule.Constant(0.05)), problem);
        FirstOrderMethodTests.AssertNoAllocation(new SaddlePointMethods<Bilinear>(SaddleAlgorithm.OptimisticGradientDescentAscent, StepSchedule.Constant(0.05)), problem);
        FirstOrderMethodTests.AssertNoAllocation(new SaddlePointMethods<Bilinear>(SaddleAlgorithm.GradientDescentAscent, StepSchedule.Constant(0.05), entropic: true), RandomBilinear(3, 4, VariableDomain.Simplex));
        var a = new double[9];
        for (int i = 0; i < 3; i++) a[i * 3 + i] = 1;
        FirstOrderMethodTests.AssertNoAllocation(new MirrorDescent<Quadratic>(StepSchedule.Constant(0.05)), new Quadratic(a, [0.2, 0.3, 0.5], [0.3, 0.3, 0.4], VariableDomain.Simplex));
    }
}
