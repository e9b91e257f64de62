using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.Nash;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/RlSpec.Benchmarks -- games-timing</c>: wall-clock time of the exact game solvers on
/// seeded random games (Gaussian payoffs), median over several games per size: the zero-sum LP (our dense simplex, one
/// solver reused per size, so the time is the solve, not the allocation) at 10x10, 100x100 and 500x500, and Lemke-Howson
/// (missing label 1) at 30x30 and 100x100. Every result is checked by a best-response check before it is timed in the table.
/// </summary>
public static class GameTiming
{
    public static void Run(string[] args)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("| solver | size | games | median | min | max | pivots (median) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (size, games) in new[] { (10, 200), (100, 20), (500, 5) })
        {
            var solver = new ZeroSum(size, size);
            var x = new double[size];
            var y = new double[size];
            var times = new double[games];
            var pivots = new int[games];
            for (int g = 0; g < games; g++)
            {
                var r = RandomStream.Create(5000 + (ulong)size, (ulong)g);
                var a = RandomGames.GaussianMatrix(ref r, size, size);
                var flat = new double[size * size];
                for (int i = 0; i < size; i++) for (int j = 0; j < size; j++) flat[i * size + j] = a[i, j];
                var sw = Stopwatch.StartNew();
                solver.Solve(flat, size, size, x, y);
                times[g] = sw.Elapsed.TotalMilliseconds;
                pivots[g] = solver.Pivots;
                if (!BestResponse.IsEquilibrium(BimatrixGame.ZeroSum(a), x, y)) throw new InvalidOperationException("unverified LP solution");
            }
            Row(c, "zero-sum LP (DenseSimplex)", size, times, pivots);
        }
        foreach (var (size, games) in new[] { (30, 100), (100, 10) })
        {
            var times = new double[games];
            var pivots = new int[games];
            for (int g = 0; g < games; g++)
            {
                var r = RandomStream.Create(6000 + (ulong)size, (ulong)g);
                var game = RandomGames.Gaussian(ref r, size, size);
                var sw = Stopwatch.StartNew();
                var result = LemkeHowson.Solve(game, 1);
                times[g] = sw.Elapsed.TotalMilliseconds;
                pivots[g] = result.Pivots;
                if (!BestResponse.IsEquilibrium(game, result.Equilibrium.Row, result.Equilibrium.Column)) throw new InvalidOperationException("unverified equilibrium");
            }
            Row(c, "Lemke-Howson (label 1)", size, times, pivots);
        }
    }

    private static void Row(CultureInfo c, string name, int size, double[] times, int[] pivots)
    {
        var sorted = times.OrderBy(t => t).ToArray();
        var p = pivots.OrderBy(t => t).ToArray();
        Console.WriteLine(string.Create(c, $"| {name} | {size}x{size} | {times.Length} | {sorted[sorted.Length / 2]:F3} ms | {sorted[0]:F3} ms | {sorted[^1]:F3} ms | {p[p.Length / 2]} |"));
    }
}
