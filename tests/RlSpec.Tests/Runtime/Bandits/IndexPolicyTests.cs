using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Bandits.Algorithms;
using Xunit;
using History = System.Collections.Generic.IReadOnlyList<(int Arm, double Reward)>;

namespace RlSpec.Tests.Runtime.Bandits;

/// <summary>
/// Every deterministic index policy against a slow reference written here from the paper's formula:
/// the reference recomputes each arm's statistics from the whole history at every step (LINQ, no runtime
/// code), and both run on the same fixed reward table, so they must pull the same arm at every step.
/// Bernoulli tables give many exact ties (checking the lowest-index rule); fractional and Gaussian
/// tables check the arithmetic away from ties.
/// </summary>
public class IndexPolicyTests
{
    private const int Steps = 2000;
    private static readonly double[] Means = { 0.45, 0.5, 0.3, 0.55, 0.52, 0.1 };

    private static void AssertSameArms(int[] expected, int[] actual)
    {
        int first = Reference.FirstDifference(expected, actual);
        Assert.True(first < 0, $"step {first + 1}: the reference pulls {(first < 0 ? 0 : expected[first])}, the algorithm {(first < 0 ? 0 : actual[first])}");
        // The comparison must not be vacuous: the policies explore several arms.
        Assert.True(actual.Distinct().Count() >= 3);
    }

    public static TheoryData<string> Tables => new() { "bernoulli", "beta" };

    private static RewardTable Table(string kind) =>
        kind == "bernoulli" ? RewardTable.Bernoulli(Means, Steps, 7) : RewardTable.Beta(Means, Steps, 7);

    /// <summary>An index policy that pulls every arm once (lowest first), then takes the first argmax.</summary>
    private static Func<History, long, Reference.Stream, int> IndexPolicy(int arms, Func<History, long, int, double> index) =>
        (h, t, _) =>
        {
            int unpulled = Reference.FirstUnpulled(h, arms);
            return unpulled >= 0 ? unpulled : Reference.ArgMax(Enumerable.Range(0, arms).Select(a => index(h, t, a)));
        };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Ucb1_matches_the_formula_of_Auer_Cesa_Bianchi_and_Fischer(string kind)
    {
        var table = Table(kind);
        // x̄_a + √(2 ln n / n_a) with n the plays so far.
        var reference = table.RunReference(IndexPolicy(table.Arms, (h, t, a) => Reference.Mean(h, a) + Math.Sqrt(2 * Math.Log(h.Count) / Reference.Count(h, a))), Steps);
        var algorithm = new Ucb1();
        AssertSameArms(reference, table.Run(ref algorithm, RewardTable.Setup(table.Arms, Steps), Steps));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Ucb_alpha_matches_its_formula(string kind)
    {
        var table = Table(kind);
        foreach (double alpha in new[] { 0.5, 4.0 })
        {
            var reference = table.RunReference(IndexPolicy(table.Arms, (h, t, a) => Reference.Mean(h, a) + Math.Sqrt(alpha * Math.Log(t) / 2 / Reference.Count(h, a))), Steps);
            var algorithm = new UcbAlpha(alpha);
            AssertSameArms(reference, table.Run(ref algorithm, RewardTable.Setup(table.Arms, Steps), Steps));
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Moss_matches_the_formula_of_Audibert_and_Bubeck(string kind)
    {
        var table = Table(kind);
        long horizon = 5000;
        int k = table.Arms;
        var reference = table.RunReference(IndexPolicy(k, (h, t, a) =>
        {
            double n = Reference.Count(h, a);
            return Reference.Mean(h, a) + Math.Sqrt(Math.Max(Math.Log((double)horizon / k / n), 0) / n);
        }), Steps);
        var algorithm = new Moss();
        AssertSameArms(reference, table.Run(ref algorithm, RewardTable.Setup(k, horizon), Steps));
    }

    /// <summary>The KL-UCB index by plain bisection: 100 halvings of [x, 1].</summary>
    private static double KlUcbIndex(double x, double d)
    {
        static double Kl(double p, double q) =>
            (p == 0 ? 0 : p * Math.Log(p / q)) + (p == 1 ? 0 : (1 - p) * Math.Log((1 - p) / (1 - q)));
        double lo = x, hi = 1;
        for (int i = 0; i < 100; i++)
        {
            double mid = (lo + hi) / 2;
            if (Kl(x, mid) <= d) lo = mid; else hi = mid;
        }
        return lo;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Kl_ucb_matches_the_formula_of_Garivier_and_Cappe(string kind)
    {
        var table = Table(kind);
        foreach (double c in new[] { 0.0, 3.0 })
        {
            var reference = table.RunReference(IndexPolicy(table.Arms, (h, t, a) =>
                KlUcbIndex(Reference.Mean(h, a), (Math.Log(t) + c * Math.Log(Math.Max(1, Math.Log(t)))) / Reference.Count(h, a))), Steps);
            var algorithm = new KlUcb(c);
            AssertSameArms(reference, table.Run(ref algorithm, RewardTable.Setup(table.Arms, Steps), Steps));
        }
    }

    [Fact]
    public void Kl_ucb_gaussian_matches_its_closed_form()
    {
        var table = RewardTable.Gaussian(Means, 0.5, Steps, 11);
        foreach (double c in new[] { 0.0, 3.0 })
        {
            double sigma = 0.5;
            var reference = table.RunReference(IndexPolicy(table.Arms, (h, t, a) =>
                Reference.Mean(h, a) + Math.Sqrt(2 * sigma * sigma * (Math.Log(t) + c * Math.Log(Math.Max(1, Math.Log(t)))) / Reference.Count(h, a))), Steps);
            var algorithm = new KlUcbGaussian(sigma, c);
            AssertSameArms(reference, table.Run(ref algorithm, RewardTable.Setup(table.Arms, Steps, double.NegativeInfinity, double.PositiveInfinity), Steps));
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Bayes_ucb_matches_the_Beta_quantile_of_Kaufmann_Cappe_and_Garivier(string kind)
    {
        var table = Table(kind);
        const int steps = 1000;
        foreach (double c in new[] { 0.0, 2.0 })
        {
            long horizon = 5000;
            // The quantile by bisection on MathNet's regularized incomplete beta.
            double Quantile(double level, double a, double b)
            {
                double lo = 0, hi = 1;
                for (int i = 0; i < 60; i++)
                {
                    double mid = (lo + hi) / 2;
                    if (SpecialFunctions.BetaRegularized(a, b, mid) < level) lo = mid; else hi = mid;
                }
                return (lo + hi) / 2;
            }
            var reference = table.RunReference((h, t, _) => Reference.ArgMax(Enumerable.Range(0, table.Arms).Select(a =>
            {
                double s = Reference.Sum(h, a), n = Reference.Count(h, a);
                double level = 1 - 1 / (t * Math.Pow(Math.Log(horizon), c));
                return level <= 0 ? 0 : Quantile(level, s + 1, n - s + 1);
            })), steps);
            var algorithm = new BayesUcb(c);
            AssertSameArms(reference, table.Run(ref algorithm, RewardTable.Setup(table.Arms, horizon), steps));
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Successive_elimination_matches_the_rounds_of_Even_Dar_Mannor_and_Mansour(string kind)
    {
        // 6,000 steps: long enough for the confidence radius to eliminate the worst arms.
        const int steps = 6000;
        var table = kind == "bernoulli" ? RewardTable.Bernoulli(Means, steps, 7) : RewardTable.Beta(Means, steps, 7);
        const double delta = 0.05;
        int k = table.Arms;
        // The rounds, advanced as the history grows: a round pulls every survivor once; after it, arms
        // whose mean is 2α_r below the best are gone, α_r = √(ln(4 K r² / δ) / r).
        var survivors = Enumerable.Range(0, k).ToList();
        int done = 0, round = 0;
        var reference = table.RunReference((h, t, _) =>
        {
            while (survivors.Count > 1 && done + survivors.Count <= h.Count)
            {
                done += survivors.Count;
                round++;
                var seen = h.Take(done).ToList();
                double alpha = Math.Sqrt(Math.Log(4.0 * k * round * round / delta) / round);
                double best = survivors.Max(a => Reference.Mean(seen, a));
                survivors = survivors.Where(a => best - Reference.Mean(seen, a) < 2 * alpha).ToList();
            }
            return survivors.Count == 1 ? survivors[0] : survivors[h.Count - done];
        }, steps);
        var algorithm = new SuccessiveElimination(delta);
        var arms = table.Run(ref algorithm, RewardTable.Setup(k, steps), steps);
        AssertSameArms(reference, arms);
        Assert.True(algorithm.Active.Length < k, "some arm was eliminated, so the elimination rule was exercised");
    }

    [Theory]
    [InlineData(3, 5000)]
    [InlineData(0, 5000)]
    [InlineData(0, 200)]
    public void Explore_then_commit_explores_round_robin_then_commits_to_the_best_mean(int m, long horizon)
    {
        var table = RewardTable.Bernoulli(Means, Steps, 3);
        int k = table.Arms;
        // The tuned length: max(1, min(⌊T/K⌋, ⌈(T/K)^(2/3) (ln T)^(1/3)⌉)).
        long pulls = m > 0 ? m : Math.Max(1, Math.Min(horizon / k, (long)Math.Ceiling(Math.Pow((double)horizon / k, 2.0 / 3) * Math.Pow(Math.Log(horizon), 1.0 / 3))));
        int steps = (int)Math.Min(horizon, Steps);
        var reference = table.RunReference((h, t, _) => t <= pulls * k
            ? (int)((t - 1) % k)
            : Reference.ArgMax(Enumerable.Range(0, k).Select(a => Reference.Mean(h.Take((int)(pulls * k)).ToList(), a))), steps);
        var algorithm = new ExploreThenCommit(m);
        var arms = table.Run(ref algorithm, RewardTable.Setup(k, horizon), steps);
        Assert.Equal(-1, Reference.FirstDifference(reference, arms));
        Assert.Equal(pulls, ExploreThenCommit.ExplorationPulls(m, horizon, k));
    }

    private static double[][] RandomFeatures(int arms, int d, ulong seed)
    {
        var r = RlSpec.Runtime.Randomness.RandomStream.Create(seed, 0);
        return Enumerable.Range(0, arms).Select(_ => Enumerable.Range(0, d).Select(_ => RlSpec.Runtime.Randomness.Sampling.Normal(ref r, 0, 1) / Math.Sqrt(d)).ToArray()).ToArray();
    }

    /// <summary>
    /// The slow linear reference: V = λI + Σ x xᵀ built from the history, inverted by MathNet (LU) at every
    /// step, det V computed directly, θ̂ = V⁻¹ b, index x_aᵀθ̂ + β(V) √(x_aᵀ V⁻¹ x_a).
    /// </summary>
    private static Func<History, long, Reference.Stream, int> LinearReference(double[][] features, double lambda, Func<double, double> radiusOfDetRatio) =>
        (h, t, _) =>
        {
            int d = features[0].Length;
            var v = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(d) * lambda;
            var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(d);
            foreach (var (arm, reward) in h)
            {
                var x = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(features[arm]);
                v += x.OuterProduct(x);
                b += reward * x;
            }
            var inverse = v.Inverse();
            var theta = inverse * b;
            double beta = radiusOfDetRatio(v.Determinant() / Math.Pow(lambda, d));
            return Reference.ArgMax(features.Select(f =>
            {
                var x = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(f);
                return x * theta + beta * Math.Sqrt(x * (inverse * x));
            }));
        };

    [Fact]
    public void LinUcb_matches_the_formula_of_Li_et_al_with_a_fresh_inverse_every_step()
    {
        var features = RandomFeatures(20, 4, 5);
        double[] theta = { 0.5, -0.3, 0.8, 0.1 };
        const int steps = 600;
        var table = RewardTable.Linear(features, theta, 0.3, steps, 13);
        foreach (var (alpha, lambda) in new[] { (1.0, 1.0), (0.3, 2.5) })
        {
            var reference = table.RunReference(LinearReference(features, lambda, _ => alpha), steps);
            var algorithm = new LinUcb(alpha, lambda);
            AssertSameArms(reference, table.Run(ref algorithm, RewardTable.LinearSetup(features, steps, 0.3), steps));
        }
    }

    [Fact]
    public void Oful_matches_the_confidence_ellipsoid_of_Abbasi_Yadkori_Pal_and_Szepesvari()
    {
        var features = RandomFeatures(20, 4, 6);
        double[] theta = { 0.5, -0.3, 0.8, 0.1 };
        const int steps = 600;
        const double sigma = 0.3;
        var table = RewardTable.Linear(features, theta, sigma, steps, 17);
        foreach (var (delta, lambda, s) in new[] { (0.05, 1.0, 1.0), (0.2, 0.5, 2.0) })
        {
            // β = σ √(2 ln(1/δ) + ln(det V / det λI)) + √λ S, with det V computed directly.
            var reference = table.RunReference(LinearReference(features, lambda, ratio => sigma * Math.Sqrt(2 * Math.Log(1 / delta) + Math.Log(ratio)) + Math.Sqrt(lambda) * s), steps);
            var algorithm = new Oful(delta, lambda, s);
            AssertSameArms(reference, table.Run(ref algorithm, RewardTable.LinearSetup(features, steps, sigma), steps));
        }
    }
}
