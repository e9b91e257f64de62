using System;
using System.IO;
using System.Linq;
using RlSpec.Plotting;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Benchmarks;

/// <summary>
/// Issue 9's dynamics benchmarks and example curves.
/// <list type="bullet">
/// <item><c>dotnet run -c Release --project bench/RlSpec.Benchmarks -- games-throughput</c>: OMWU iterations per second on
/// a seeded Gaussian 100x100 zero-sum game against the limit, the two matrix-vector products A·y and Aᵀ·x an iteration
/// needs (<see cref="MatrixProducts"/>, the same routines OMWU calls).</item>
/// <item><c>... -- games-example docs/games/omwu-vs-mwu</c>: MWU, OMWU and extragradient (η = 0.1) for 20,000 iterations on
/// the seeded 10x10 game with a unique fully mixed equilibrium of the tests (A = I + 0.2·G, seed 7, scaled to max |A| = 1,
/// as <c>DynamicsTestGames.FullSupport10</c>), through <see cref="GameDynamicsExperiment"/>; writes results.csv,
/// summary.json and the last-iterate duality-gap plot.</item>
/// </list>
/// </summary>
public static class GameDynamicsThroughput
{
    public static void Run(string[] args)
    {
        var random = RandomStream.Create(100, 0);
        var a = RandomGames.GaussianMatrix(ref random, 100, 100);
        var game = BimatrixGame.ZeroSum(a);
        var omwu = new OptimisticMultiplicativeWeights(game, 0.01);
        var rng = RandomStream.Create(1, 1);
        var flat = new double[100 * 100];
        for (int i = 0; i < 100; i++) for (int j = 0; j < 100; j++) flat[i * 100 + j] = a[i, j];
        var x = new double[100];
        var y = new double[100];
        x.AsSpan().Fill(0.01); y.AsSpan().Fill(0.01);
        var u = new double[100];
        var v = new double[100];
        // The entropy part of an iteration on its own: one fused optimistic step per player (EntropyMirrorStep.OptimisticStep).
        var hatX = new double[100]; var hatY = new double[100]; var zx = new double[100]; var zy = new double[100];
        MatrixProducts.Multiply(flat, 100, 100, y, u);
        MatrixProducts.MultiplyTransposed(flat, 100, 100, x, v);

        void Omwu() => omwu.Step(ref rng);
        void Products()
        {
            MatrixProducts.Multiply(flat, 100, 100, y, u);
            MatrixProducts.MultiplyTransposed(flat, 100, 100, x, v);
        }
        void Entropy()
        {
            EntropyMirrorStep.OptimisticStep(hatX, u, -0.01, -0.01, zx, x);
            EntropyMirrorStep.OptimisticStep(hatY, v, 0.01, 0.01, zy, y);
        }

        // For the profile: the four unfused entropic prox steps the two-sequence form took before (point and secondary, per player).
        var geometry = new EntropicGeometry();
        var mx = new double[100]; var my = new double[100]; var px = new double[100]; var py = new double[100];
        void Unfused()
        {
            geometry.Step(x, hatX, u, -0.01, px, mx);
            geometry.Step(y, hatY, v, 0.01, py, my);
            geometry.Step(x, hatX, u, -0.01, px, mx);
            geometry.Step(y, hatY, v, 0.01, py, my);
        }

        // A/B alternating in one process: short batches of each in turn, so both see the same load; the medians of the
        // per-round ratios and the ratio of the fastest batches both estimate the ratio on a quiet core.
        const int batch = 200, rounds = 301;
        Action[] parts = [Omwu, Products, Entropy, Unfused];
        string[] names = ["OMWU iteration", "A·y and Aᵀ·x", "two fused entropy steps", "four unfused entropy steps"];
        foreach (var part in parts) for (int i = 0; i < 20_000; i++) part(); // tiered compilation reaches the optimized code
        var times = new double[parts.Length][];
        for (int p = 0; p < parts.Length; p++) times[p] = new double[rounds];
        var clock = new System.Diagnostics.Stopwatch();
        for (int r = 0; r < rounds; r++)
            for (int p = 0; p < parts.Length; p++)
            {
                clock.Restart();
                for (int i = 0; i < batch; i++) parts[p]();
                times[p][r] = clock.Elapsed.TotalSeconds * 1e9 / batch;
            }
        string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        Console.WriteLine($"OMWU on a seeded Gaussian 100x100 zero-sum game, η = 0.01; {rounds} alternating rounds of {batch} calls; load average {load}");
        for (int p = 0; p < parts.Length; p++)
            Console.WriteLine($"  {names[p],-26} median {Median(times[p]),8:F0} ns   fastest batch {times[p].Min(),8:F0} ns");
        var ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) ratios[r] = times[0][r] / times[1][r];
        Console.WriteLine($"  an OMWU iteration costs {Median(ratios):F2} pairs of matrix-vector products (median of per-round ratios; " +
            $"{times[0].Min() / times[1].Min():F2} from the fastest batches; aim: at most 1.5)");
        Console.WriteLine($"  of which the entropy steps {Median(times[2]) / Median(times[1]):F2}, the rest (average, bookkeeping) " +
            $"{(Median(times[0]) - Median(times[1]) - Median(times[2])) / Median(times[1]):F2}");
        Measure("OMWU iterations (CPU-time rate)", 1, () => { omwu.Step(ref rng); return omwu.Row[0]; });
        Measure("  A·y and Aᵀ·x (CPU-time rate)", 1, () => { Products(); return u[0] + v[0]; });
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    public static void Example(string[] args)
    {
        string directory = args.Length > 1 ? args[1] : "omwu-vs-mwu";
        var r = RandomStream.Create(7, 0);
        var a = RandomGames.GaussianMatrix(ref r, 10, 10, 0, 0.2);
        for (int i = 0; i < 10; i++) a[i, i] += 1;
        double max = 0;
        foreach (double value in a) max = Math.Max(max, Math.Abs(value));
        for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) a[i, j] /= max;
        var game = BimatrixGame.ZeroSum(a);
        var spec = new ExperimentSpec
        {
            Name = "omwu_vs_mwu", Model = "full_support_10", Horizon = 20_000, Runs = 1, Seed = 1, Unit = "iterations",
            Checkpoints = Checkpoints.Linear(100),
            Record = [Statistic.DualityGap, Statistic.AverageDualityGap, Statistic.EquilibriumDistance],
            Plot = new PlotOptions { Statistic = Statistic.DualityGap, LogY = true },
        };
        GameDynamicsEntry[] entries =
        [
            new("mwu", "MWU η=0.1", [new("eta", "0.1")], () => new MultiplicativeWeights(game, 0.1)),
            new("omwu", "OMWU η=0.1", [new("eta", "0.1")], () => new OptimisticMultiplicativeWeights(game, 0.1)),
            new("extragradient", "extragradient η=0.1", [new("eta", "0.1")], () => new ProjectedExtragradient(game, 0.1)),
        ];
        var result = GameDynamicsExperiment.Run(spec, entries, new MatrixGameMeasure(game));
        foreach (string path in ExperimentOutput.WriteAll(result, directory)) Console.WriteLine(path);
        foreach (var statistic in new[] { Statistic.DualityGap, Statistic.AverageDualityGap })
        {
            var curves = result.Curves(statistic);
            var request = new PlotRequest($"MWU, OMWU and extragradient on a 10x10 zero-sum game ({statistic.Name()})", "iterations",
                statistic.Name(), curves.Select(c => new Band(c.Label, c.X, c.Mean, c.Low, c.High)).ToList(), false, true);
            var (svg, png) = RegretPlot.Write(request, Path.Combine(directory, statistic.Name()));
            Console.WriteLine(svg);
            Console.WriteLine(png);
        }
    }

    private static double Measure(string name, int operationsPerRun, Func<double> run)
    {
        var (wall, cpu, _) = Throughput.Rates(operationsPerRun, run);
        Console.WriteLine($"{name,-55} wall {wall,12:N0} /s   cpu {cpu,12:N0} /s");
        return cpu;
    }
}
