using System;
using System.Linq;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.Preference;
using RlSpec.Runtime.Games.QuantalResponse;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RlSpec.Tests.Runtime.Games.Dynamics;

/// <summary>
/// Nash-MD and Nash mirror prox converge to the β-regularized equilibrium of a seeded nontransitive preference
/// game, computed independently as the logit QRE of the zero-sum game P − 1/2 (μ uniform: KL(π‖μ) is the negative
/// entropy plus a constant), whose fixed-point residual π* ∝ μ exp(Pπ*/β) is checked here.
/// </summary>
public class PreferenceDynamicsTests(ITestOutputHelper output)
{
    private const double Beta = 0.2;
    private const int N = 8;

    private static PreferenceGame Game()
    {
        var r = RandomStream.Create(21, 0);
        var p = new double[N, N];
        for (int a = 0; a < N; a++)
        {
            p[a, a] = 0.5;
            for (int b = a + 1; b < N; b++) { p[a, b] = Sampling.Uniform(ref r, 0, 1); p[b, a] = 1 - p[a, b]; }
        }
        return new PreferenceGame(p, Beta);
    }

    private static double[] RegularizedEquilibrium(PreferenceGame g)
    {
        var a = new double[N, N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) a[i, j] = g.Preference(i, j) - 0.5;
        var qre = LogitQre.ZeroSum(a, Beta);
        var pi = qre.Row.ToArray();
        // the fixed point of the regularized symmetric game: π ∝ exp(P·π/β) (μ uniform)
        var w = Enumerable.Range(0, N).Select(i => Math.Exp(Enumerable.Range(0, N).Sum(j => g.Preference(i, j) * pi[j]) / Beta)).ToArray();
        double z = w.Sum();
        for (int i = 0; i < N; i++) Assert.Equal(pi[i], w[i] / z, 1e-10);
        for (int i = 0; i < N; i++) Assert.Equal(pi[i], qre.Column[i], 1e-9); // symmetric
        return pi;
    }

    private static double Kl(double[] p, ReadOnlySpan<double> q)
    {
        double s = 0;
        for (int i = 0; i < p.Length; i++) s += p[i] * Math.Log(p[i] / q[i]);
        return s;
    }

    [Fact]
    public void Nash_mirror_prox_converges_linearly_to_the_regularized_equilibrium()
    {
        var g = Game();
        var star = RegularizedEquilibrium(g);
        const double eta = 1.0;
        var d = new NashMirrorProx(g, eta);
        var random = RandomStream.Create(1, 1);
        var kl = new double[61];
        kl[0] = Kl(star, d.Row);
        for (int t = 1; t <= 60; t++) { d.Step(ref random); kl[t] = Kl(star, d.Row); }
        double rate = Math.Pow(kl[60] / kl[20], 1.0 / 40);
        output.WriteLine($"Nash-MP eta {eta}, beta {Beta}: KL at 0, 20, 60: {kl[0]:E3}, {kl[20]:E3}, {kl[60]:E3}; rate per iteration {rate:F4} (1/(1+eta beta) = {1 / (1 + eta * Beta):F4})");
        Assert.True(kl[60] < 1e-6);
        Assert.True(rate <= 1 / (1 + eta * Beta) + 0.01);
    }

    [Fact]
    public void Nash_md_with_the_decreasing_step_converges_at_the_published_rate()
    {
        var g = Game();
        var star = RegularizedEquilibrium(g);
        var d = new NashMirrorDescent(g, 0);
        var random = RandomStream.Create(1, 1);
        long[] checkpoints = [100, 1000, 10000];
        var kls = new double[checkpoints.Length];
        for (int c = 0; c < checkpoints.Length; c++)
        {
            while (d.Iteration < checkpoints[c]) d.Step(ref random);
            kls[c] = Kl(star, d.Row);
            // Munos et al. 2024, Theorem 1 with η_t = 2/(β(t+2)): KL(π*‖π_T) ≤ 8/(β²(T+1))
            Assert.True(kls[c] <= 8 / (Beta * Beta * (checkpoints[c] + 1)), $"KL {kls[c]} at {checkpoints[c]}");
        }
        double slope = Math.Log(kls[2] / kls[0]) / Math.Log(100);
        output.WriteLine($"Nash-MD schedule 2/(beta(t+2)): KL at 100, 1000, 10000: {string.Join(", ", kls.Select(k => k.ToString("E3")))}; log-log slope {slope:F3}");
        Assert.True(slope < -0.9);
        // a constant step stops in a neighbourhood of π*: the fixed point is biased
        var constant = new NashMirrorDescent(g, 0.5);
        for (int t = 0; t < 5000; t++) constant.Step(ref random);
        Assert.True(Kl(star, constant.Row) > 1e-6);
    }

    [Fact]
    public void Preference_dynamics_step_without_allocating_and_need_a_temperature()
    {
        var g = Game();
        foreach (IGameDynamics d in new IGameDynamics[] { new NashMirrorDescent(g, 0.5), new NashMirrorProx(g, 1) })
        {
            var random = RandomStream.Create(1, 1);
            Assert.Equal(0, Allocations.Least(() => { for (int t = 0; t < 100; t++) d.Step(ref random); }));
        }
        var unregularized = new PreferenceGame(new double[,] { { 0.5, 0.7 }, { 0.3, 0.5 } });
        Assert.Throws<ArgumentException>(() => new NashMirrorProx(unregularized, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NashMirrorDescent(g, 10));
    }
}
