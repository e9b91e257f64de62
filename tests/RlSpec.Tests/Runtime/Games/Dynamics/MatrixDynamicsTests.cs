using System;
using System.Linq;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using static RlSpec.Tests.Runtime.Games.Dynamics.DynamicsTestGames;

namespace RlSpec.Tests.Runtime.Games.Dynamics;

/// <summary>
/// The known behaviour of the matrix-game dynamics on the seeded 10x10 zero-sum game with a unique, fully mixed
/// equilibrium (<see cref="DynamicsTestGames.FullSupport10"/>). Gaps are computed in the test by a double loop.
/// </summary>
public class MatrixDynamicsTests(ITestOutputHelper output)
{
    private static readonly BimatrixGame Game = FullSupport10();

    [Fact]
    public void The_test_game_has_a_unique_fully_mixed_equilibrium()
    {
        var e = UniqueZeroSumEquilibrium.TryFind(Game);
        Assert.NotNull(e);
        Assert.All(e.Row, p => Assert.True(p > 1e-3));
        Assert.All(e.Column, p => Assert.True(p > 1e-3));
        Assert.True(Gap(Game, e.Row, e.Column) < 1e-9);
        // independently: with x* fully mixed every optimal y solves A·y = v·1, Σ y = 1; solve that square system here
        int n = 10;
        var m = new double[n + 1, n + 2];
        for (int i = 0; i < n; i++) { for (int j = 0; j < n; j++) m[i, j] = Game.RowPayoff(i, j); m[i, n] = -1; }
        for (int j = 0; j < n; j++) m[n, j] = 1;
        m[n, n + 1] = 1;
        var solution = Solve(m, n + 1);
        Assert.NotNull(solution);
        for (int j = 0; j < n; j++) Assert.Equal(e.Column[j], solution[j], 9);
    }

    /// <summary>Gauss-Jordan with partial pivoting on an augmented k×(k+1) matrix; null when singular.</summary>
    private static double[]? Solve(double[,] m, int k)
    {
        for (int c = 0; c < k; c++)
        {
            int p = c;
            for (int r = c + 1; r < k; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[p, c])) p = r;
            if (Math.Abs(m[p, c]) < 1e-10) return null;
            for (int j = 0; j <= k; j++) (m[c, j], m[p, j]) = (m[p, j], m[c, j]);
            for (int r = 0; r < k; r++)
            {
                if (r == c) continue;
                double f = m[r, c] / m[c, c];
                for (int j = c; j <= k; j++) m[r, j] -= f * m[c, j];
            }
        }
        return Enumerable.Range(0, k).Select(i => m[i, k] / m[i, i]).ToArray();
    }

    private static double Kl(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double s = 0;
        for (int i = 0; i < p.Length; i++) s += p[i] * Math.Log(p[i] / q[i]);
        return s;
    }

    [Fact]
    public void Mwu_last_iterate_drifts_away_while_its_average_converges()
    {
        var e = UniqueZeroSumEquilibrium.TryFind(Game)!;
        var d = new MultiplicativeWeights(Game, 0.1);
        var random = RandomStream.Create(1, 1);
        double previous = Kl(e.Row, d.Row) + Kl(e.Column, d.Column);
        long[] checkpoints = [1000, 2000, 5000, 10000, 20000];
        foreach (long c in checkpoints)
        {
            while (d.Iteration < c) d.Step(ref random);
            // Bailey and Piliouras (2018): KL(x*‖x_t) + KL(y*‖y_t) never decreases under MWU
            double kl = Kl(e.Row, d.Row) + Kl(e.Column, d.Column);
            Assert.True(kl > previous, $"KL at {c}: {kl} after {previous}");
            previous = kl;
        }
        double last = Gap(Game, d.Row, d.Column), average = Gap(Game, d.AverageRow, d.AverageColumn);
        output.WriteLine($"MWU eta 0.1, T 20000: last-iterate gap {last:E3}, average gap {average:E3}");
        Assert.True(last > 0.1);
        // average: below the regret bound 2(ln n/(ηT) + η/2·max|A|²) and far below the last iterate
        Assert.True(average < 2 * (Math.Log(10) / (0.1 * 20000) + 0.05));
        Assert.True(average < last / 20);
    }

    [Fact]
    public void Omwu_last_iterate_gap_falls_geometrically_with_step_one_eighth()
    {
        long[] checkpoints = Enumerable.Range(2, 11).Select(k => 25_000L * k).ToArray(); // 50k .. 300k
        var curve = Curve(new OptimisticMultiplicativeWeights(Game, 0.125), Game, checkpoints);
        double slope = Slope(curve.Select(p => (double)p.T).ToList(), curve.Select(p => Math.Log(p.Last)).ToList());
        double rate = Math.Exp(slope);
        output.WriteLine("OMWU eta 1/8: " + string.Join(", ", curve.Select(p => $"{p.T}: {p.Last:E3}")));
        output.WriteLine($"fitted last-iterate rate per iteration {rate:F8} (gap halves every {Math.Log(2) / -slope:F0} iterations)");
        Assert.True(slope < 0);
        Assert.True(curve[^1].Last < curve[0].Last / 50);
        Assert.True(curve[^1].Last < 1e-3);
    }

    [Fact]
    public void Gda_does_not_converge_while_extragradient_and_ogda_do()
    {
        long[] checkpoints = [20000];
        double gda = Curve(new ProjectedGradientDescentAscent(Game, 0.1), Game, checkpoints)[0].Last;
        double eg = Curve(new ProjectedExtragradient(Game, 0.1), Game, checkpoints)[0].Last;
        double ogda = Curve(new ProjectedOptimisticGradientDescentAscent(Game, 0.1), Game, checkpoints)[0].Last;
        output.WriteLine($"T 20000, eta 0.1: GDA {gda:E3}, extragradient {eg:E3}, OGDA {ogda:E3}");
        Assert.True(gda > 0.1);
        Assert.True(eg < 1e-6);
        Assert.True(ogda < 1e-6);
    }

    [Fact]
    public void Fictitious_play_frequencies_converge()
    {
        long[] checkpoints = [100, 1000, 10000, 40000];
        var curve = Curve(new FictitiousPlay(Game), Game, checkpoints);
        output.WriteLine("fictitious play average gap: " + string.Join(", ", curve.Select(p => $"{p.T}: {p.Average:E3}")));
        for (int k = 1; k < curve.Count; k++) Assert.True(curve[k].Average < curve[k - 1].Average);
        Assert.True(curve[^1].Average < 0.01);
        Assert.All(curve, p => Assert.True(p.Last > 0.3)); // the pure best responses themselves never settle
    }

    [Fact]
    public void Regret_matching_plus_average_gap_falls_like_one_over_sqrt_t_or_faster()
    {
        long[] checkpoints = [100, 200, 500, 1000, 2000, 5000, 10000, 20000];
        var plus = Curve(new RegretMatchingPlus(Game), Game, checkpoints);
        var plain = Curve(new RegretMatching(Game), Game, checkpoints);
        double slope = Slope(plus.Select(p => Math.Log(p.T)).ToList(), plus.Select(p => Math.Log(p.Average)).ToList());
        double plainSlope = Slope(plain.Select(p => Math.Log(p.T)).ToList(), plain.Select(p => Math.Log(p.Average)).ToList());
        output.WriteLine($"fitted log-log slope of the average gap: RM+ {slope:F3}, RM {plainSlope:F3}");
        Assert.True(slope <= -0.5, $"RM+ slope {slope}");
        Assert.True(plainSlope < -0.3, $"RM slope {plainSlope}");
    }

    [Fact]
    public void Every_dynamic_steps_without_allocating()
    {
        IGameDynamics[] all =
        [
            new MultiplicativeWeights(Game, 0.1), new OptimisticMultiplicativeWeights(Game, 0.1), new MirrorProx(Game, 0.1),
            new ProjectedExtragradient(Game, 0.1), new ProjectedGradientDescentAscent(Game, 0.1),
            new ProjectedOptimisticGradientDescentAscent(Game, 0.1), new FictitiousPlay(Game), new RegretMatching(Game), new RegretMatchingPlus(Game),
        ];
        foreach (var d in all)
        {
            var random = RandomStream.Create(1, 1);
            Assert.Equal(0, Allocations.Least(() => { for (int t = 0; t < 100; t++) d.Step(ref random); }));
        }
    }

    [Fact]
    public void A_step_size_that_is_not_positive_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiplicativeWeights(Game, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectedExtragradient(Game, -1));
    }
}
