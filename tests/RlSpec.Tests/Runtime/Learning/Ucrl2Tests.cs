using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning;

/// <summary>UCRL2 against a slow extended value iteration written from Jaksch et al.'s Figure 2 description.</summary>
public class Ucrl2Tests
{
    /// <summary>The reference: counts in dictionaries, p̃ built by the paper's procedure (raise the best state, remove from the worst).</summary>
    private sealed class Reference(TinyMdp mdp, double delta)
    {
        private readonly Dictionary<(int, int), int> _n = [], _start = [];
        private readonly Dictionary<(int, int, int), int> _nn = [];
        private readonly Dictionary<(int, int), double> _r = [];
        public int[] Policy = new int[mdp.S];
        public double[] U = new double[mdp.S];
        public int Episodes;
        private bool _started;

        public int Act(long t, int s)
        {
            int a = Policy[s];
            if (!_started || _n.GetValueOrDefault((s, a)) - _start.GetValueOrDefault((s, a)) >= Math.Max(1, _start.GetValueOrDefault((s, a)))) Start(t);
            _started = true;
            return Policy[s];
        }

        public void Observe(int s, int a, double r, int next)
        {
            _n[(s, a)] = _n.GetValueOrDefault((s, a)) + 1;
            _nn[(s, a, next)] = _nn.GetValueOrDefault((s, a, next)) + 1;
            _r[(s, a)] = _r.GetValueOrDefault((s, a)) + r;
        }

        private void Start(long t)
        {
            Episodes++;
            _start.Clear();
            foreach (var kv in _n) _start[kv.Key] = kv.Value;
            int S = mdp.S, A = mdp.A;
            var u = new double[S];
            while (true)
            {
                var order = Enumerable.Range(0, S).OrderByDescending(s => u[s]).ThenBy(s => s).ToArray();
                var next = new double[S];
                for (int s = 0; s < S; s++)
                {
                    double best = double.NegativeInfinity;
                    for (int a = 0; a < A; a++)
                    {
                        if (!mdp.Available[s * A + a]) continue;
                        int n = _start.GetValueOrDefault((s, a));
                        double m = Math.Max(1, n);
                        double r = Math.Min(1, (n == 0 ? 0 : _r[(s, a)] / n) + Math.Sqrt(7 * Math.Log(2.0 * S * A * t / delta) / (2 * m)));
                        double d = Math.Sqrt(14 * S * Math.Log(2.0 * A * t / delta) / m);
                        var p = new double[S];
                        for (int z = 0; z < S; z++) p[z] = n == 0 ? 0 : (double)_nn.GetValueOrDefault((s, a, z)) / n;
                        p[order[0]] = Math.Min(1, p[order[0]] + d / 2);
                        for (int l = S - 1; p.Sum() > 1 && l > 0; l--)
                            p[order[l]] = Math.Max(0, 1 - Enumerable.Range(0, S).Where(j => j != order[l]).Sum(j => p[j]));
                        double value = r + Enumerable.Range(0, S).Sum(z => p[z] * u[z]);
                        if (value > best) { best = value; Policy[s] = a; }
                    }
                    next[s] = best;
                }
                var diff = Enumerable.Range(0, S).Select(s => next[s] - u[s]).ToArray();
                double shift = next.Min();
                u = next.Select(x => x - shift).ToArray();
                if (diff.Max() - diff.Min() < 1 / Math.Sqrt(t)) break;
            }
            U = u;
        }
    }

    [Fact]
    public void Ucrl2_matches_a_slow_extended_value_iteration()
    {
        var mdp = TinyMdp.Random();
        const long T = 100_000;
        var algorithm = new Ucrl2(0.1);
        algorithm.Reset(mdp.Setup((int)T, 0));
        var reference = new Reference(mdp, 0.1);
        var env = RandomStream.Create(4, 0);
        var random = RandomStream.Create(4, 1);
        int s = 0;
        for (long t = 1; t <= T; t++)
        {
            int a = algorithm.Act(t, s, ref random);
            Assert.True(reference.Act(t, s) == a, $"t = {t}, state {s}: UCRL2 plays {a}, reference {reference.Policy[s]}");
            Assert.Equal(reference.Episodes, algorithm.EpisodeCount);
            var (r, next) = mdp.Step(s, a, ref env);
            algorithm.Observe(t, s, a, r, next);
            reference.Observe(s, a, r, next);
            s = next;
        }
        for (int x = 0; x < mdp.S; x++)
        {
            Assert.Equal(reference.Policy[x], algorithm.PolicyAction(x));
            Assert.True(Math.Abs(reference.U[x] - algorithm.OptimisticValues[x]) <= 1e-9, $"u({x}): reference {reference.U[x]:R}, UCRL2 {algorithm.OptimisticValues[x]:R}");
        }
        // Doubling episodes: far fewer than steps (at most S·A·log2(T/(S·A)) + S·A, Jaksch et al. Prop. 18).
        Assert.InRange(algorithm.EpisodeCount, 2, mdp.S * mdp.A * Math.Log2(8.0 * T / (mdp.S * mdp.A)) + mdp.S * mdp.A);
    }
}
