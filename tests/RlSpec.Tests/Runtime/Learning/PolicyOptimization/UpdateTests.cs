using System;
using RlSpec.Runtime.Learning.PolicyOptimization;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning.PolicyOptimization;

/// <summary>Each optimizer's update, step by step, against the formula computed independently in the test.</summary>
public class UpdateTests
{
    private const int Steps = 4;

    private static TabularModel Model() => TabularModel.Random(3, 3, 0.9, seed: 2, disableOne: true);

    /// <summary>Runs the optimizer and the reference update side by side from π₀ for a few steps.</summary>
    private static void Follow<T>(T optimizer, TabularModel m, Func<double[], long, double[]> reference, double[]? initial = null, double tolerance = 1e-11)
        where T : struct, IPolicyOptimizer
    {
        optimizer.Reset(m.Setup(initial));
        var expected = (double[])(initial ?? m.Uniform()).Clone();
        var random = RandomStream.Create(1, 1);
        for (long k = 1; k <= Steps; k++)
        {
            optimizer.Step(k, ref random);
            expected = reference(expected, k);
            var actual = optimizer.Policy;
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], tolerance);
        }
    }

    /// <summary>π'(a|s) ∝ π(a|s)^keep · exp(scale·q(s,a)) on the enabled actions (or on the states in <paramref name="only"/>).</summary>
    private static double[] Exponentiated(TabularModel m, double[] pi, double[] q, double keep, double scale, bool[]? only = null)
    {
        var next = (double[])pi.Clone();
        for (int s = 0; s < m.S; s++)
        {
            if (only is not null && !only[s]) continue;
            double z = 0;
            for (int a = 0; a < m.A; a++)
                if (m.Enabled(s, a)) z += next[s * m.A + a] = Math.Pow(pi[s * m.A + a], keep) * Math.Exp(scale * q[s * m.A + a]);
            for (int a = 0; a < m.A; a++) next[s * m.A + a] /= z;
        }
        return next;
    }

    /// <summary>The simplex projection by bisection on the threshold θ of Σ max(v − θ, 0) = 1 (independent of the sort-based one).</summary>
    private static double[] Project(TabularModel m, double[] v)
    {
        var w = new double[v.Length];
        for (int s = 0; s < m.S; s++)
        {
            double lo = -1e6, hi = 1e6;
            for (int i = 0; i < 300; i++)
            {
                double mid = 0.5 * (lo + hi), sum = 0;
                for (int a = 0; a < m.A; a++) if (m.Enabled(s, a)) sum += Math.Max(v[s * m.A + a] - mid, 0);
                if (sum > 1) lo = mid; else hi = mid;
            }
            for (int a = 0; a < m.A; a++) w[s * m.A + a] = m.Enabled(s, a) ? Math.Max(v[s * m.A + a] - 0.5 * (lo + hi), 0) : 0;
        }
        return w;
    }

    [Fact]
    public void NaturalPolicyGradientWithGrowingSteps()
    {
        var m = Model();
        Follow(new NaturalPolicyGradient(0.3, 2.0, 0), m,
            (pi, k) => Exponentiated(m, pi, m.Q(m.Values(pi)), 1, 0.3 * Math.Pow(2, k - 1) / (1 - m.Gamma)));
    }

    [Fact]
    public void PolicyMirrorDescentKl()
    {
        var m = Model();
        Follow(new PolicyMirrorDescentKl(0.7, 0), m, (pi, _) => Exponentiated(m, pi, m.Q(m.Values(pi)), 1, 0.7));
    }

    [Fact]
    public void EntropyRegularizedNpg()
    {
        var m = Model();
        const double eta = 0.05, tau = 0.5; // ητ/(1−γ) = 0.25
        Follow(new EntropyRegularizedNpg(eta, tau, 0), m,
            (pi, _) => Exponentiated(m, pi, m.Q(m.Values(pi, tau)), 1 - eta * tau / (1 - m.Gamma), eta / (1 - m.Gamma)));
    }

    [Fact]
    public void EntropyRegularizedNpgRefusesAStepAbove1MinusGammaOverTau()
    {
        var m = Model();
        var optimizer = new EntropyRegularizedNpg(0.3, 0.5, 0); // ητ/(1−γ) = 1.5
        Assert.Contains("step ≤ (1 − γ)/τ", Assert.Throws<ArgumentException>(() => optimizer.Reset(m.Setup())).Message);
    }

    [Fact]
    public void MdpoMovesOnlyTheStatesThePolicyVisits()
    {
        var m = TabularModel.Chain(4, 0.9);
        var initial = m.ChainPolicy(0.4);
        initial[2 * m.A] = 0; initial[2 * m.A + 1] = 1; // state 2 always goes back: 3 and 4 are never visited
        Follow(new Mdpo(0.8, 0), m, (pi, _) =>
        {
            var v = m.Values(pi);
            var q = m.Q(v);
            var advantage = new double[q.Length];
            for (int i = 0; i < q.Length; i++) advantage[i] = q[i] - v[i / m.A];
            var visited = new bool[m.S];
            var d = m.Visitation(pi);
            for (int s = 0; s < m.S; s++) visited[s] = d[s] > 1e-300;
            return Exponentiated(m, pi, advantage, 1, 0.8, visited);
        }, initial);
    }

    [Fact]
    public void PolicyMirrorDescentEuclidean()
    {
        var m = Model();
        Follow(new PolicyMirrorDescentEuclidean(1.0, 0), m, (pi, _) =>
        {
            var q = m.Q(m.Values(pi));
            var v = new double[pi.Length];
            for (int i = 0; i < v.Length; i++) v[i] = pi[i] + 1.0 * q[i];
            return Project(m, v);
        }, tolerance: 1e-9);
    }

    [Fact]
    public void ProjectedPolicyGradient()
    {
        var m = Model();
        Follow(new ProjectedPolicyGradient(0.15), m, (pi, _) =>
        {
            var q = m.Q(m.Values(pi));
            var d = m.Visitation(pi);
            var v = new double[pi.Length];
            for (int i = 0; i < v.Length; i++) v[i] = pi[i] + 0.15 * d[i / m.A] * q[i] / (1 - m.Gamma);
            return Project(m, v);
        }, tolerance: 1e-9);
    }

    [Fact]
    public void SoftmaxPolicyGradientFollowsTheFiniteDifferenceGradient()
    {
        var m = Model();
        const double eta = 2.0, h = 1e-5;
        double[] Softmax(double[] theta)
        {
            var pi = new double[theta.Length];
            for (int s = 0; s < m.S; s++)
            {
                double z = 0;
                for (int a = 0; a < m.A; a++) if (m.Enabled(s, a)) z += pi[s * m.A + a] = Math.Exp(theta[s * m.A + a]);
                for (int a = 0; a < m.A; a++) pi[s * m.A + a] /= z;
            }
            return pi;
        }
        double Objective(double[] theta) => m.Expected(m.Values(Softmax(theta)));
        var theta = new double[m.S * m.A];
        Follow(new SoftmaxPolicyGradient(eta), m, (_, _) =>
        {
            var gradient = new double[theta.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                if (!m.Enabled(i / m.A, i % m.A)) continue;
                var plus = (double[])theta.Clone(); plus[i] += h;
                var minus = (double[])theta.Clone(); minus[i] -= h;
                gradient[i] = (Objective(plus) - Objective(minus)) / (2 * h);
            }
            for (int i = 0; i < theta.Length; i++) theta[i] += eta * gradient[i];
            return Softmax(theta);
        }, tolerance: 1e-8);
    }

    [Fact]
    public void PolicyIterationTakesTheGreedyPolicyAndStopsAtTheOptimum()
    {
        var m = TabularModel.Random(6, 3, 0.95, seed: 4);
        var optimizer = new PolicyIterationReference();
        optimizer.Reset(m.Setup());
        var random = RandomStream.Create(1, 1);
        var pi = m.Uniform();
        for (long k = 1; k <= 3; k++)
        {
            optimizer.Step(k, ref random);
            var q = m.Q(m.Values(pi));
            var greedy = new double[pi.Length];
            for (int s = 0; s < m.S; s++)
            {
                int best = 0;
                for (int a = 1; a < m.A; a++) if (q[s * m.A + a] > q[s * m.A + best] + 1e-12) best = a;
                greedy[s * m.A + best] = 1;
            }
            pi = greedy;
            Assert.Equal(pi, optimizer.Policy.ToArray());
        }
        for (long k = 4; k <= 20; k++) optimizer.Step(k, ref random);
        var optimal = m.OptimalValues();
        var v = m.Values(optimizer.Policy.ToArray());
        for (int s = 0; s < m.S; s++) Assert.Equal(optimal[s], v[s], 1e-9);
    }
}
