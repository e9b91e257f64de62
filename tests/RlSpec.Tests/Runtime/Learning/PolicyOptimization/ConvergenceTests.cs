using System;
using System.Collections.Generic;
using RlSpec.Runtime.Learning.PolicyOptimization;
using RlSpec.Runtime.Randomness;
using Xunit;
using Xunit.Abstractions;

namespace RlSpec.Tests.Runtime.Learning.PolicyOptimization;

/// <summary>
/// The rates the papers prove, measured: linear convergence of NPG with geometrically increasing steps (Xiao 2022)
/// and of entropy-regularized NPG (Cen et al. 2021), the softmax-PG plateau on a chain (Li et al. 2021) against
/// NPG's dimension-free rate (Agarwal et al. 2021), and PMD-KL's C/k bound (Xiao 2022).
/// </summary>
public class ConvergenceTests(ITestOutputHelper log)
{
    /// <summary>gap[k−1] for k = 1..K: V*(ρ) − V^{π_k}(ρ), or for τ &gt; 0 the regularized gap V*_τ(ρ) − V^{π_k}_τ(ρ).</summary>
    private static double[] Gaps<T>(T optimizer, PolicyOptimizationSetup setup, int iterations, double tau = 0) where T : struct, IPolicyOptimizer
    {
        var evaluation = new ExactPolicyEvaluation(setup);
        var optimum = tau > 0 ? OptimalPolicy.SolveRegularized(evaluation, tau) : OptimalPolicy.Solve(evaluation);
        double best = ExactPolicyEvaluation.Expected(setup.Start, optimum.Values);
        optimizer.Reset(setup);
        var random = RandomStream.Create(1, 1);
        var values = new double[setup.Model.StateCount];
        var gaps = new double[iterations];
        for (int k = 1; k <= iterations; k++)
        {
            optimizer.Step(k, ref random);
            evaluation.Values(optimizer.Policy, values, tau);
            gaps[k - 1] = best - ExactPolicyEvaluation.Expected(setup.Start, values);
        }
        return gaps;
    }

    /// <summary>The geometric rate exp(slope) of the least-squares line through log gap_k over the k with gap_k in (floor, ceiling).</summary>
    private static (double Rate, int Points) FitRate(double[] gaps, double floor, double ceiling)
    {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k < gaps.Length; k++)
        {
            if (!(gaps[k] > floor && gaps[k] < ceiling)) continue;
            double x = k + 1, y = Math.Log(gaps[k]);
            n++; sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return (Math.Exp(slope), (int)n);
    }

    [Fact]
    public void NpgWithGeometricallyIncreasingStepsConvergesLinearly()
    {
        var m = TabularModel.Random(8, 4, 0.95, seed: 21);
        var setup = m.Setup();
        var growing = Gaps(new NaturalPolicyGradient(0.1, 1.5, 0), setup, 60);
        var constant = Gaps(new NaturalPolicyGradient(0.1, 1.0, 0), setup, 60);
        var (rate, points) = FitRate(growing, 1e-11, growing[0]);
        var (constantRate, _) = FitRate(constant, 1e-11, constant[0]);
        log.WriteLine($"NPG growth 1.5: fitted rate {rate:F4} over {points} iterations (gap {growing[0]:G3} → {growing[^1]:G3}); constant step: rate {constantRate:F4}, gap after 60 {constant[^1]:G3}");
        Assert.True(points >= 5, $"only {points} points to fit");
        Assert.True(rate < 0.9, $"rate {rate}");
        Assert.True(growing[^1] < 1e-9 && growing[^1] < 1e-3 * constant[^1]);
        // monotone improvement (Agarwal et al. 2021), up to the rounding of two exact solves (~1e-11 here)
        for (int k = 1; k < growing.Length; k++) Assert.True(growing[k] <= growing[k - 1] + 1e-10, "NPG improves monotonically");
    }

    [Fact]
    public void EntropyRegularizedNpgConvergesLinearlyToTheRegularizedOptimum()
    {
        var m = TabularModel.Random(8, 4, 0.8, seed: 22);
        const double tau = 0.1, eta = 1.0; // ητ/(1−γ) = 0.5: Cen et al.'s bound (1 − ητ)^k = 0.9^k
        var gaps = Gaps(new EntropyRegularizedNpg(eta, tau, 0), m.Setup(), 80, tau);
        var (rate, points) = FitRate(gaps, 1e-12, gaps[0]);
        log.WriteLine($"entropy NPG (η = {eta}, τ = {tau}, γ = {m.Gamma}): fitted rate of the regularized gap {rate:F4} over {points} iterations (gap {gaps[0]:G3} → {gaps[^1]:G3}); Cen et al. bound 1 − ητ = {1 - eta * tau}");
        Assert.True(points >= 5, $"only {points} points to fit");
        Assert.True(rate < 0.9, $"rate {rate}");
        Assert.True(rate <= 1 - eta * tau + 1e-3, $"rate {rate} above the theorem's {1 - eta * tau}");
        Assert.True(gaps[^1] < 1e-10);
    }

    /// <summary>Iterations until V*(ρ) − V^{π_k}(ρ) ≤ 0.1·V*(ρ) on the chain of length n, from π₀(forward) = 0.2.</summary>
    private static long IterationsToReach<T>(T optimizer, int n, long max) where T : struct, IPolicyOptimizer
    {
        var m = TabularModel.Chain(n, 0.95);
        var setup = m.Setup(m.ChainPolicy(0.2));
        var evaluation = new ExactPolicyEvaluation(setup);
        double best = ExactPolicyEvaluation.Expected(setup.Start, OptimalPolicy.Solve(evaluation).Values);
        optimizer.Reset(setup);
        var random = RandomStream.Create(1, 1);
        var values = new double[setup.Model.StateCount];
        for (long k = 1; k <= max; k++)
        {
            optimizer.Step(k, ref random);
            evaluation.Values(optimizer.Policy, values);
            if (best - ExactPolicyEvaluation.Expected(setup.Start, values) <= 0.1 * best) return k;
        }
        return max + 1;
    }

    [Fact]
    public void SoftmaxPgPlateausOnALongerChainWhileNpgDoesNot()
    {
        long pgShort = IterationsToReach(new SoftmaxPolicyGradient(1.0), 4, 100_000);
        long pgLong = IterationsToReach(new SoftmaxPolicyGradient(1.0), 8, 100_000);
        long npgShort = IterationsToReach(new NaturalPolicyGradient(0.1, 1.0, 0), 4, 100_000);
        long npgLong = IterationsToReach(new NaturalPolicyGradient(0.1, 1.0, 0), 8, 100_000);
        log.WriteLine($"iterations to 10% suboptimality, chain 4 → 8: softmax PG {pgShort} → {pgLong} ({(double)pgLong / pgShort:F1}x), NPG {npgShort} → {npgLong}");
        Assert.True(pgLong >= 10 * pgShort, $"softmax PG {pgShort} → {pgLong}");
        Assert.True(npgLong <= 2 * npgShort, $"NPG {npgShort} → {npgLong}");
        Assert.True(pgLong <= 100_000 && npgLong <= 100_000);
    }

    [Fact]
    public void PmdKlWithAConstantStepIsWithinCOverKAndReachesPolicyIteration()
    {
        var m = TabularModel.Random(8, 4, 0.9, seed: 23); // rewards in [0, 1]
        const int iterations = 200;
        var setup = m.Setup();
        var gaps = Gaps(new PolicyMirrorDescentKl(1.0, 0), setup, iterations);
        double c = 0;
        for (int k = 1; k <= iterations; k++) c = Math.Max(c, k * gaps[k - 1]);
        // Xiao 2022, the sublinear rate of PMD with a constant step η: C = (E_{s~d*_ρ} KL(π*(·|s) ‖ π₀(·|s))/η + 1/(1 − γ))/(1 − γ);
        // π* is deterministic and π₀ uniform, so the KL is log A in every state.
        double bound = (Math.Log(m.A) / 1.0 + 1 / (1 - m.Gamma)) / (1 - m.Gamma);
        log.WriteLine($"PMD-KL (η = 1, γ = {m.Gamma}): C = max_k k·gap_k = {c:G4} (Xiao's bound {bound:G4}); k·gap at k = {iterations}: {iterations * gaps[^1]:G3}");
        Assert.True(c <= bound, $"C = {c} above {bound}");

        // policy iteration's values: the most likely action of PMD's policy is PI's action, and a larger constant step gets its values
        var pi = new PolicyIterationReference();
        pi.Reset(setup);
        var small = new PolicyMirrorDescentKl(1.0, 0);
        small.Reset(setup);
        var large = new PolicyMirrorDescentKl(50.0, 0);
        large.Reset(setup);
        var random = RandomStream.Create(1, 1);
        for (long k = 1; k <= iterations; k++) { pi.Step(k, ref random); small.Step(k, ref random); large.Step(k, ref random); }
        var piPolicy = pi.Policy.ToArray();
        var smallPolicy = small.Policy.ToArray();
        for (int s = 0; s < m.S; s++)
        {
            int mode = 0;
            for (int a = 1; a < m.A; a++) if (smallPolicy[s * m.A + a] > smallPolicy[s * m.A + mode]) mode = a;
            Assert.Equal(1.0, piPolicy[s * m.A + mode]);
        }
        var reference = m.Values(piPolicy);
        var reached = m.Values(large.Policy.ToArray());
        double worst = 0;
        for (int s = 0; s < m.S; s++) worst = Math.Max(worst, Math.Abs(reference[s] - reached[s]));
        log.WriteLine($"PMD-KL η = 50 after {iterations} iterations: max_s |V^PI(s) − V^π(s)| = {worst:G3}");
        Assert.True(worst <= 1e-9, $"{worst}");
    }
}
