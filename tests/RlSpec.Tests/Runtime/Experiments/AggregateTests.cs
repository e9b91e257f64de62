using System;
using System.Linq;
using MathNet.Numerics.Statistics;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Statistics;
using Xunit;
using MathNetStudentT = MathNet.Numerics.Distributions.StudentT;
using StudentT = RlSpec.Runtime.Experiments.Statistics.StudentT;
using Histogram = RlSpec.Runtime.Experiments.Statistics.Histogram;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>Aggregates against MathNet.Numerics (an independent implementation) and hand-computed values.</summary>
public class AggregateTests
{
    [Theory]
    [InlineData(1, 12.706204736174707)]
    [InlineData(2, 4.302652729749464)]
    [InlineData(9, 2.2621571628540993)]
    [InlineData(29, 2.045229642132703)]
    [InlineData(999, 1.962341461133449)]
    public void The_t_critical_value_matches_tables_and_MathNet(int nu, double published)
    {
        Assert.Equal(published, StudentT.Quantile975(nu), 9);
        Assert.Equal(MathNetStudentT.InvCDF(0, 1, nu, 0.975), StudentT.Quantile975(nu), 10);
    }

    [Theory]
    [InlineData(3.0, 0.7)]
    [InlineData(17.5, -1.3)]
    [InlineData(100, 2.5)]
    public void The_t_cdf_matches_MathNet(double nu, double t) => Assert.Equal(MathNetStudentT.CDF(0, 1, nu, t), StudentT.Cdf(nu, t), 12);

    [Fact]
    public void Summaries_match_MathNet()
    {
        var random = new Random(5);
        foreach (int n in new[] { 2, 3, 10, 101, 1000 })
        {
            var x = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 100, 1)).ToArray();
            var s = Summary.Of(x);
            Assert.Equal(n, s.Count);
            Assert.Equal(x.Mean(), s.Mean, 12);
            Assert.Equal(x.StandardDeviation(), s.Sd, 10);
            double half = MathNetStudentT.InvCDF(0, 1, n - 1, 0.975) * x.StandardDeviation() / Math.Sqrt(n);
            Assert.Equal(x.Mean() - half, s.CiLow, 9);
            Assert.Equal(x.Mean() + half, s.CiHigh, 9);
            for (int i = 0; i < Summary.Levels.Length; i++)
                Assert.Equal(x.QuantileCustom(Summary.Levels[i], QuantileDefinition.R7), s.Quantiles[i], 10);
            Assert.Equal(x.Min(), s.Min);
            Assert.Equal(x.Max(), s.Max);
        }
    }

    [Fact]
    public void Quantiles_of_a_small_sample_by_hand()
    {
        // Type 7 on 1..5: h = 4p, so Q(0.25) = x[1] = 2, Q(0.1) = 1 + 0.4, Q(0.99) = 4.96 + ... = x[3] + 0.96 (x[4] - x[3]).
        double[] x = [5, 1, 4, 2, 3];
        var s = Summary.Of(x);
        Assert.Equal(2, s.Quantiles[3]);
        Assert.Equal(1.4, s.Quantiles[2], 14);
        Assert.Equal(4.96, s.Quantiles[8], 14);
        Assert.Equal(3, s.Quantiles[4]);
    }

    [Fact]
    public void Degenerate_samples_give_NaN_where_undefined()
    {
        var one = Summary.Of([4.0]);
        Assert.Equal(4.0, one.Mean);
        Assert.True(double.IsNaN(one.Sd) && double.IsNaN(one.CiLow));
        Assert.Equal(4.0, one.Quantiles[0]);
        var none = Summary.Of([]);
        Assert.True(double.IsNaN(none.Mean));
        var constant = Summary.Of([2.0, 2.0, 2.0]);
        Assert.Equal(0, constant.Sd);
        Assert.Equal(2.0, constant.CiLow);
    }

    [Theory]
    [InlineData(0.7, 3)]   // 0.7 + 0.7 + 0.7 = 2.0999999999999996, / 3 is 1.1e-16 below 0.7
    [InlineData(0.1, 10)]
    [InlineData(0.3, 20)]
    public void A_constant_sample_has_exactly_its_value_as_mean_and_a_zero_width_interval(double value, int n)
    {
        var sample = Enumerable.Repeat(value, n).ToArray();
        var s = Summary.Of(sample);
        Assert.Equal(value, s.Mean);
        Assert.Equal(0.0, s.Sd);
        Assert.Equal(0.0, s.CiHigh - s.Mean);
        Assert.Equal(0.0, s.Mean - s.CiLow);
        var d = PairedDifference.Of(sample);
        Assert.Equal((value, 0.0, value, value), (d.Mean, d.Sd, d.CiLow, d.CiHigh));
    }

    [Fact]
    public void A_statistic_constant_over_runs_has_a_zero_half_width_in_the_engine()
    {
        // Always pulling arm 0 (mean 0.1, best 0.5): the pseudo-regret at t is the same in every run.
        var spec = ExperimentFixtures.Spec(runs: 7, horizon: 300, record: [Statistic.Regret]);
        var result = BanditExperiment.Run(spec, [new AlgorithmEntry<FixedArm>("fixed", "arm 0", [], () => new FixedArm(0))],
            (_, _) => new BernoulliArms(ExperimentFixtures.Means), new RunOptions { Threads = 1 });
        var series = result.Layouts[0].Find(Statistic.Regret)!;
        for (int p = 0; p < series.Points; p++)
        {
            var m = result.Aggregate(0, 0, series, p).Summary;
            Assert.Equal(result.Value(0, 0, 0, series, p), m.Mean);
            Assert.Equal(0.0, m.CiHigh - m.Mean);
            Assert.Equal(0.0, m.Sd);
        }
    }

    [Fact]
    public void The_histogram_has_20_equal_bins_over_min_max()
    {
        double[] x = [0, 0.5, 1, 9.99, 10, 5, 5.0001];
        var h = Histogram.Of(x, 20);
        Assert.Equal(0, h.Min);
        Assert.Equal(10, h.Max);
        // Width 0.5: bin ⌊x/0.5⌋, and the maximum 10 in the last bin.
        var expected = new long[20];
        foreach (double v in x) expected[Math.Min(19, (int)Math.Floor(v / 0.5))]++;
        Assert.Equal(expected, h.Counts);
        Assert.Equal(x.Length, h.Counts.Sum());
        Assert.Equal([3, 0], Histogram.Of([7.0, 7.0, 7.0], 2).Counts);
    }

    [Fact]
    public void Experiment_aggregates_match_MathNet_on_the_raw_values_including_paired_differences()
    {
        var result = ExperimentFixtures.Run(ExperimentFixtures.Spec(runs: 40, horizon: 200), new RunOptions { Threads = 2 });
        var regret = result.Layouts[0].Find(Statistic.Regret)!;
        for (int a = 0; a < 3; a++)
            foreach (int point in new[] { 0, 2, regret.Points - 1 })
            {
                var x = Enumerable.Range(0, 40).Select(r => result.Value(0, r, a, regret, point)).ToArray();
                var reference = Enumerable.Range(0, 40).Select(r => result.Value(0, r, 0, regret, point)).ToArray();
                var aggregate = result.Aggregate(0, a, regret, point);
                Assert.Equal(x.Mean(), aggregate.Summary.Mean, 10);
                Assert.Equal(x.StandardDeviation(), aggregate.Summary.Sd, 9);
                Assert.Equal(x.QuantileCustom(0.9, QuantileDefinition.R7), aggregate.Summary.Quantiles[6], 10);
                Assert.Equal(point == regret.Points - 1, aggregate.Histogram is not null);
                if (a == 0) { Assert.Null(aggregate.Difference); continue; }
                var d = x.Zip(reference, (u, v) => u - v).ToArray();
                double half = MathNetStudentT.InvCDF(0, 1, 39, 0.975) * d.StandardDeviation() / Math.Sqrt(40);
                Assert.Equal(d.Mean(), aggregate.Difference!.Mean, 10);
                Assert.Equal(d.Mean() - half, aggregate.Difference.CiLow, 9);
                Assert.Equal(d.Mean() + half, aggregate.Difference.CiHigh, 9);
            }
        // Common random numbers make the paired interval much narrower than the unpaired one would be
        // for round robin vs UCB (both see the same pulls); checked at the last checkpoint.
        var last = result.Aggregate(0, 1, regret, regret.Points - 1);
        Assert.True(last.Difference!.Mean > 0);
    }

    [Fact]
    public void Curves_give_the_checkpoints_and_the_band_of_each_algorithm()
    {
        var result = ExperimentFixtures.Run(ExperimentFixtures.Spec(runs: 10, horizon: 200), new RunOptions { Threads = 2 });
        var curves = result.Curves(Statistic.Regret);
        Assert.Equal(["UCB1", "Round robin, \"uniform\"", "Random α"], curves.Select(c => c.Label));
        Assert.Equal([50.0, 100, 150, 200], curves[0].X);
        var series = result.Layouts[0].Find(Statistic.Regret)!;
        Assert.Equal(result.Aggregate(0, 2, series, 3).Summary.CiHigh, curves[2].High[3]);
        Assert.Equal([200.0], result.Curves(Statistic.Error)[0].X);
        Assert.Equal(4, result.Curves(Statistic.Counts, arm: 4)[0].Mean.Length);
        Assert.Empty(ExperimentFixtures.Run(ExperimentFixtures.Spec(runs: 2, record: [Statistic.Reward])).Curves(Statistic.Regret));
    }
}
