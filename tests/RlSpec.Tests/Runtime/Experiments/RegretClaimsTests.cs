using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RlSpec.Cli;
using Xunit;
using Xunit.Abstractions;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>
/// The statistical claims of issue 7 on the experiments of bench/experiments/claims.rlspec
/// (docs/experiments-claims.md). By default each test runs its experiment through <c>rlspec run</c>
/// in-process at a reduced size and checks the claim with a looser margin; with RLSPEC_CLAIMS=full it
/// reads the full-size outputs that bench/experiments/regret-claims.sh wrote into docs/experiments/claims/
/// (or RLSPEC_CLAIMS_DIR) and checks the claim with the issue's margins. Slopes are least-squares fits of
/// the recorded mean regret against ln t (or of ln regret against ln t) over the checkpoints inside a decade.
/// </summary>
public class RegretClaimsTests
{
    private readonly ITestOutputHelper _log;

    public RegretClaimsTests(ITestOutputHelper log) => _log = log;

    private static bool Full => Environment.GetEnvironmentVariable("RLSPEC_CLAIMS") == "full";

    private static string ClaimsFile => Path.Combine(Paths.Root, "bench", "experiments", "claims.rlspec");

    private static string FullOutputs =>
        Environment.GetEnvironmentVariable("RLSPEC_CLAIMS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Paths.Root, "docs", "experiments", "claims");

    /// <summary>
    /// The results.csv of <paramref name="experiment"/>: at full size the one in the outputs folder
    /// (<paramref name="folder"/>), reduced: a fresh <c>rlspec run</c> with the parameter overrides.
    /// </summary>
    private static Results Load(string experiment, string folder, params string[] reduced) =>
        // Several tests read one experiment: it runs once per test process.
        Cache.GetOrAdd(experiment + " " + folder + " " + string.Join(" ", reduced), _ => new Lazy<Results>(() => LoadOnce(experiment, folder, reduced))).Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Results>> Cache = new();

    private static Results LoadOnce(string experiment, string folder, string[] reduced)
    {
        if (Full)
        {
            var path = Path.Combine(FullOutputs, folder, "results.csv");
            Assert.True(File.Exists(path), $"{path} is missing: run bench/experiments/regret-claims.sh first");
            return Results.Parse(File.ReadAllText(path));
        }
        var dir = Path.Combine(Path.GetTempPath(), "rlspec-claims-" + Guid.NewGuid().ToString("N"));
        try
        {
            var args = new List<string> { "run", ClaimsFile, "--experiment", experiment, "--out", dir, "--threads", "2" };
            foreach (var p in reduced) { args.Add("-p"); args.Add(p); }
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Program.Run(args.ToArray(), output, error);
            Assert.True(code == 0, error.ToString());
            return Results.Parse(File.ReadAllText(Path.Combine(dir, "results.csv")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Least-squares slope of y against x.</summary>
    private static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < x.Count; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); }
        return sxy / sxx;
    }

    /// <summary>The slope of mean regret against ln t over the checkpoints lo ≤ t ≤ hi (at least 3).</summary>
    private static double LnSlope(IReadOnlyList<Row> curve, double lo, double hi)
    {
        var points = curve.Where(r => r.Checkpoint >= lo && r.Checkpoint <= hi).ToList();
        Assert.True(points.Count >= 3, $"only {points.Count} checkpoints in [{lo}, {hi}]");
        return Slope(points.Select(r => Math.Log(r.Checkpoint)).ToList(), points.Select(r => r.Mean).ToList());
    }

    /// <summary>The slope of ln(mean regret) against ln t over the checkpoints lo ≤ t ≤ hi.</summary>
    private static double LogLogSlope(IReadOnlyList<Row> curve, double lo, double hi)
    {
        var points = curve.Where(r => r.Checkpoint >= lo && r.Checkpoint <= hi).ToList();
        Assert.True(points.Count >= 3, $"only {points.Count} checkpoints in [{lo}, {hi}]");
        Assert.All(points, r => Assert.True(r.Mean > 0, $"regret {r.Mean} at t = {r.Checkpoint}"));
        return Slope(points.Select(r => Math.Log(r.Checkpoint)).ToList(), points.Select(r => Math.Log(r.Mean)).ToList());
    }

    /// <summary>Bernoulli KL divergence in nats, written here (not the runtime's).</summary>
    private static double Kl(double p, double q) =>
        (p == 0 ? 0 : p * Math.Log(p / q)) + (p == 1 ? 0 : (1 - p) * Math.Log((1 - p) / (1 - q)));

    /// <summary>Σ_{a&lt;9} (0.9 − μa) / kl(μa, 0.9) for the arms 0.1..0.9 (Lai and Robbins 1985).</summary>
    private static double LaiRobbinsNine()
    {
        double c = 0;
        for (int i = 1; i <= 8; i++) c += (0.9 - 0.1 * i) / Kl(0.1 * i, 0.9);
        return c;
    }

    [Fact]
    public void The_lai_robbins_constant_of_the_nine_arms_is_7_52()
    {
        Assert.Equal(7.52, LaiRobbinsNine(), 2);
        Assert.Equal(LaiRobbinsNine(), RlSpec.Runtime.Experiments.LaiRobbins.BernoulliConstant([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]), 12);
    }

    // Full: T = 10^5, R = 1000 (the script's LOG_RUNS). Reduced: T = 10^4, R = 100.
    private Results LogRegret() => Load("LogRegret", "log-regret", "T=10000", "R=100", "P=41");

    /// <summary>The last decade of the horizon: 10^4..10^5 at full size, 10^3..10^4 reduced.</summary>
    private static double LastDecade => Full ? 1e4 : 1e3;

    [Fact]
    public void Ucb1_regret_grows_like_log_t()
    {
        var ucb1 = LogRegret().Curve("UCB1");
        // Full: the issue's decades 10^3..10^4 and 10^4..10^5 and margin 20%. Reduced: UCB1 is still far
        // from its asymptote before t = 10^3 on these arms (slope 45 on 10^2..10^3 against 86 on
        // 10^3..10^4 in a 200-run trial), so the reduced run compares the half-decades 10^3..10^3.5 and
        // 10^3.5..10^4 with a margin of 25%.
        var (a, b, c) = Full ? (1e3, 1e4, 1e5) : (1e3, Math.Pow(10, 3.5), 1e4);
        double first = LnSlope(ucb1, a, b), second = LnSlope(ucb1, b, c);
        double change = Math.Abs(second - first) / first;
        _log.WriteLine($"UCB1 slope against ln t: {first:F3} on [{a:F0}, {b:F0}], {second:F3} on [{b:F0}, {c:F0}], change {change:P1}");
        double margin = Full ? 0.20 : 0.25;
        Assert.True(change < margin, $"UCB1's slope changes by {change:P1} ({first:F3} then {second:F3}), not below {margin:P0}");
    }

    [Theory]
    [InlineData("KL-UCB")]
    [InlineData("Thompson")]
    public void Kl_ucb_and_thompson_approach_the_lai_robbins_slope_below_ucb1(string label)
    {
        var results = LogRegret();
        double late = LastDecade;
        double slope = LnSlope(results.Curve(label), late, late * 10), ucb1 = LnSlope(results.Curve("UCB1"), late, late * 10);
        double c = LaiRobbinsNine(), ratio = slope / c;
        _log.WriteLine($"{label}: slope {slope:F3} on [{late}, {late * 10}] = {ratio:F3} x Lai-Robbins {c:F4}; UCB1 {ucb1:F3}");
        // The issue's band is 0.6..1.3 times the constant; the reduced run's last decade is 10^3..10^4,
        // further from the asymptote (KL-UCB 1.42, Thompson 0.80 in a 200-run trial), and 100 runs: 0.45..1.6.
        var (low, high) = Full ? (0.6, 1.3) : (0.45, 1.6);
        Assert.True(ratio >= low && ratio <= high, $"{label}'s slope {slope:F3} is {ratio:F3} x {c:F4}, outside [{low}, {high}]");
        Assert.True(slope < ucb1, $"{label}'s slope {slope:F3} is not below UCB1's {ucb1:F3}");
    }

    [Theory]
    [InlineData("EXP3 anytime")]
    [InlineData("EXP3")]
    public void Exp3_regret_on_the_rotating_adversary_grows_slower_than_t_to_the_0_7(string label)
    {
        // Full: T = 10^5, 200 runs; reduced: T = 10^4, 50 runs. The fit is over the last two decades.
        var results = Load("AdversarialSlope", "adversarial-slope", "T=10000", "R=50", "P=41");
        double horizon = Full ? 1e5 : 1e4;
        double slope = LogLogSlope(results.Curve(label), horizon / 100, horizon);
        _log.WriteLine($"{label}: log-log slope of regret on [{horizon / 100}, {horizon}] = {slope:F3}");
        double limit = Full ? 0.7 : 0.75;
        Assert.True(slope < limit, $"{label}'s log-log slope {slope:F3} is not below {limit}");
    }

    [Fact]
    public void Oful_beats_independent_arm_ucb1_on_1000_arms_in_5_dimensions()
    {
        // Full: T = 5000, 100 runs; reduced: T = 2000, 10 runs.
        var results = Load("LinearVersusIndependent", "linear-versus-independent", "T=2000", "R=10");
        var ucb1 = results.Curve("UCB1")[^1];
        var oful = results.Curve("OFUL")[^1];
        _log.WriteLine($"final regret at t = {oful.Checkpoint}: UCB1 {ucb1.Mean:F2}, OFUL {oful.Mean:F2}, paired difference {oful.DiffMean:F2} [{oful.DiffLow:F2}, {oful.DiffHigh:F2}]");
        // OFUL's regret is below UCB1's with the paired 95% interval entirely below zero, and by a factor.
        Assert.True(oful.DiffHigh < 0, $"paired difference OFUL - UCB1: [{oful.DiffLow}, {oful.DiffHigh}]");
        double factor = Full ? 4 : 2;
        Assert.True(oful.Mean * factor < ucb1.Mean, $"OFUL {oful.Mean} is not {factor} times below UCB1 {ucb1.Mean}");
    }

    [Fact]
    public void Successive_rejects_error_falls_with_the_budget_as_in_audibert_bubeck_munos()
    {
        // Audibert, Bubeck and Munos (2010), Experiment 1: K = 20, mu_1 = 0.5, mu_2..20 = 0.4, n = 2000.
        // Their Theorem 2: e_n <= K(K-1)/2 exp(-(n - K) / (logbar(K) H2)), H2 = max_i i / Delta_(i)^2 =
        // 20 / 0.01 = 2000, logbar(20) = 1/2 + sum_{i=2}^{20} 1/i. Asserted: the error at n, 2n and 4n falls,
        // each step by more than 3 standard errors, and its decay rate ln(e_n / e_2n) / n is at least the
        // bound's rate 1 / (logbar(K) H2). Full: 20,000 runs per budget; reduced: 1,000.
        const int k = 20;
        double logBar = 0.5;
        for (int i = 2; i <= k; i++) logBar += 1.0 / i;
        double h2 = k / (0.1 * 0.1), rate = 1 / (logBar * h2);
        int[] budgets = [2000, 4000, 8000];
        var errors = budgets.Select(n =>
        {
            var row = Load("RejectsBudget", $"rejects-budget-{n}", $"T={n}", "R=1000").Error("Successive rejects");
            return (n, e: row.Mean, se: Math.Sqrt(row.Mean * (1 - row.Mean) / row.Runs));
        }).ToList();
        foreach (var (n, e, se) in errors) _log.WriteLine($"n = {n}: error {e:F4} +- {se:F4}");
        double measured = Math.Log(errors[0].e / errors[1].e) / (budgets[1] - budgets[0]);
        _log.WriteLine($"decay rate {measured:E3} per pull; the bound's 1/(logbar(K) H2) = {rate:E3}");
        for (int i = 1; i < errors.Count; i++)
        {
            double gap = errors[i - 1].e - errors[i].e, se = Math.Sqrt(errors[i - 1].se * errors[i - 1].se + errors[i].se * errors[i].se);
            Assert.True(gap > 3 * se, $"error {errors[i - 1].e} at n = {errors[i - 1].n} to {errors[i].e} at {errors[i].n}: fell by {gap}, 3 se = {3 * se}");
        }
        Assert.True(measured >= rate, $"decay rate {measured:E3} is below the bound's {rate:E3}");
    }

    /// <summary>One row of results.csv.</summary>
    private sealed record Row(string Label, string Statistic, double Checkpoint, int Runs, double Mean, double DiffMean, double DiffLow, double DiffHigh);

    /// <summary>results.csv (docs/experiments.md), read with an RFC 4180 reader written here.</summary>
    private sealed class Results(List<Row> rows)
    {
        public List<Row> Curve(string label)
        {
            var curve = rows.Where(r => r.Label == label && r.Statistic == "regret").OrderBy(r => r.Checkpoint).ToList();
            Assert.True(curve.Count > 0, $"no regret rows for '{label}' (labels: {string.Join(", ", rows.Select(r => r.Label).Distinct())})");
            return curve;
        }

        public Row Error(string label) => rows.Single(r => r.Label == label && r.Statistic == "error");

        public static Results Parse(string text)
        {
            var lines = ReadCsv(text);
            var header = lines[0];
            int Col(string name) => Array.IndexOf(header, name);
            double Num(string[] cells, string name) =>
                cells[Col(name)].Length == 0 ? double.NaN : double.Parse(cells[Col(name)], NumberStyles.Float, CultureInfo.InvariantCulture);
            return new Results(lines.Skip(1).Select(c => new Row(c[Col("label")], c[Col("statistic")], Num(c, "checkpoint"), (int)Num(c, "runs"),
                Num(c, "mean"), Num(c, "diff_mean"), Num(c, "diff_ci_low"), Num(c, "diff_ci_high"))).ToList());
        }

        private static List<string[]> ReadCsv(string text)
        {
            var rows = new List<string[]>();
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); rows.Add(fields.ToArray()); fields.Clear(); }
                else field.Append(c);
            }
            return rows;
        }
    }
}
