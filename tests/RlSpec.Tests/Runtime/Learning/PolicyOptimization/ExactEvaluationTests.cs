using System;
using RlSpec.Runtime.Learning.PolicyOptimization;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning.PolicyOptimization;

/// <summary>The exact tools against the slow reference computations of <see cref="TabularModel"/>.</summary>
public class ExactEvaluationTests
{
    private static double[] RandomPolicy(TabularModel m, int seed)
    {
        var random = new Random(seed);
        var pi = new double[m.S * m.A];
        for (int s = 0; s < m.S; s++)
        {
            double sum = 0;
            for (int a = 0; a < m.A; a++) if (m.Enabled(s, a)) sum += pi[s * m.A + a] = 0.05 + random.NextDouble();
            for (int a = 0; a < m.A; a++) pi[s * m.A + a] /= sum;
        }
        return pi;
    }

    [Theory]
    [InlineData(300, 0.0)]   // dense LU
    [InlineData(0, 0.0)]     // BiCGSTAB
    [InlineData(300, 0.3)]   // entropy-regularized
    [InlineData(0, 0.3)]
    public void ValuesQAndVisitationMatchTheSlowReference(int denseLimit, double tau)
    {
        var m = TabularModel.Random(5, 3, 0.9, seed: 7, disableOne: true);
        var pi = RandomPolicy(m, 3);
        var evaluation = new ExactPolicyEvaluation(m.Model, m.Gamma, denseLimit);
        var v = new double[m.S];
        evaluation.Values(pi, v, tau);
        var reference = m.Values(pi, tau);
        for (int s = 0; s < m.S; s++) Assert.Equal(reference[s], v[s], 1e-11);

        var q = new double[m.S * m.A];
        evaluation.QValues(v, q);
        var referenceQ = m.Q(reference);
        for (int i = 0; i < q.Length; i++) Assert.Equal(referenceQ[i], q[i], 1e-11);
        Assert.Equal(0.0, q[1 * m.A + m.A - 1]); // the disabled pair

        var d = new double[m.S];
        evaluation.Visitation(pi, m.Start, d);
        var referenceD = m.Visitation(pi);
        for (int s = 0; s < m.S; s++) Assert.Equal(referenceD[s], d[s], 1e-12);
    }

    [Fact]
    public void OptimalPolicyMatchesValueIteration()
    {
        var m = TabularModel.Random(6, 3, 0.95, seed: 11);
        var optimum = OptimalPolicy.Solve(new ExactPolicyEvaluation(m.Model, m.Gamma));
        var reference = m.OptimalValues();
        for (int s = 0; s < m.S; s++) Assert.Equal(reference[s], optimum.Values[s], 1e-10);
        var q = m.Q(reference);
        for (int s = 0; s < m.S; s++)
            for (int a = 0; a < m.A; a++)
                if (optimum.Policy[s * m.A + a] == 1) Assert.Equal(reference[s], q[s * m.A + a], 1e-10);
    }

    [Fact]
    public void RegularizedOptimumIsTheFixedPointOfSoftValueIteration()
    {
        var m = TabularModel.Random(4, 3, 0.9, seed: 5, disableOne: true);
        const double tau = 0.2;
        var optimum = OptimalPolicy.SolveRegularized(new ExactPolicyEvaluation(m.Model, m.Gamma), tau);
        // slow soft value iteration, independent of the runtime
        var v = new double[m.S];
        for (int sweep = 0; sweep < 4000; sweep++)
        {
            var q = m.Q(v);
            var next = new double[m.S];
            for (int s = 0; s < m.S; s++)
            {
                double sum = 0;
                for (int a = 0; a < m.A; a++) if (m.Enabled(s, a)) sum += Math.Exp(q[s * m.A + a] / tau);
                next[s] = tau * Math.Log(sum);
            }
            v = next;
        }
        for (int s = 0; s < m.S; s++) Assert.Equal(v[s], optimum.Values[s], 1e-10);
        var qStar = m.Q(v);
        for (int s = 0; s < m.S; s++)
            for (int a = 0; a < m.A; a++)
                if (m.Enabled(s, a)) Assert.Equal(Math.Exp((qStar[s * m.A + a] - v[s]) / tau), optimum.Policy[s * m.A + a], 1e-10);
    }

    [Fact]
    public void ReachabilityFollowsTheSupportOfThePolicy()
    {
        var m = TabularModel.Chain(4, 0.9);
        var evaluation = new ExactPolicyEvaluation(m.Model, m.Gamma);
        var pi = m.ChainPolicy(1.0);
        pi[2 * m.A] = 0; pi[2 * m.A + 1] = 1; // state 2 goes back: 3 and 4 are unreachable
        var reached = new bool[m.S];
        evaluation.Reachable(pi, m.Start, reached);
        Assert.Equal([true, true, true, false, false], reached);
    }
}
