using System;
using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Tests.Runtime.Learning;

/// <summary>Counts kept the slow way: dictionaries keyed by tuples, every transition remembered.</summary>
internal sealed class SlowCounts
{
    public readonly Dictionary<(int S, int A), List<(double Reward, int Next)>> Samples = [];

    public void Add(int s, int a, double r, int next)
    {
        if (!Samples.TryGetValue((s, a), out var list)) Samples[(s, a)] = list = [];
        list.Add((r, next));
    }

    /// <summary>The first <paramref name="limit"/> samples of (s, a) (all when null).</summary>
    public List<(double Reward, int Next)> Of(int s, int a, int? limit = null)
    {
        var list = Samples.TryGetValue((s, a), out var l) ? l : [];
        return limit is int m ? list.Take(m).ToList() : list;
    }
}

/// <summary>Plain backward induction over Q[h, s, a] with a backup given as a function.</summary>
internal static class SlowPlanner
{
    /// <summary>
    /// Q[h,s,a] = min(cap·(H−h), backup(h, s, a, V_{h+1})) (and min with <paramref name="previous"/> when
    /// given), V_h(s) = max over enabled actions, greedy = first maximal action.
    /// </summary>
    public static (double[,,] Q, double[,] V) Plan(TinyMdp mdp, int horizon, Func<int, int, int, double[], double> backup, double capPerStep, double[,,]? previous)
    {
        var q = new double[horizon, mdp.S, mdp.A];
        var v = new double[horizon + 1, mdp.S];
        for (int h = horizon - 1; h >= 0; h--)
        {
            var next = new double[mdp.S];
            for (int z = 0; z < mdp.S; z++) next[z] = v[h + 1, z];
            for (int s = 0; s < mdp.S; s++)
            {
                double best = double.NegativeInfinity;
                for (int a = 0; a < mdp.A; a++)
                {
                    if (!mdp.Available[s * mdp.A + a]) continue;
                    double value = Math.Min(capPerStep * (horizon - h), backup(h, s, a, next));
                    if (previous is not null) value = Math.Min(value, previous[h, s, a]);
                    q[h, s, a] = value;
                    best = Math.Max(best, value);
                }
                v[h, s] = double.IsNegativeInfinity(best) ? 0 : best;
            }
        }
        return (q, v);
    }

    public static int Greedy(TinyMdp mdp, Func<int, double> q, int s)
    {
        int best = -1;
        for (int a = 0; a < mdp.A; a++)
            if (mdp.Available[s * mdp.A + a] && (best < 0 || q(a) > q(best))) best = a;
        return best;
    }

    /// <summary>Σ_z P̂(z)·f(z) over the samples.</summary>
    public static double Mean(List<(double Reward, int Next)> samples, Func<int, double> f) => samples.Sum(x => f(x.Next)) / samples.Count;
}

/// <summary>UCBVI (CH or BF) written from the paper's formulas with dictionaries.</summary>
internal sealed class UcbviReference(TinyMdp mdp, int horizon, long episodes, double delta, double bonus, bool bernstein) : IReference
{
    private readonly SlowCounts _counts = new();
    private readonly Dictionary<(int H, int S), int> _stateVisits = [];
    private double[,,] _q = Initial(mdp, horizon);

    private static double[,,] Initial(TinyMdp mdp, int horizon)
    {
        var q = new double[horizon, mdp.S, mdp.A];
        for (int h = 0; h < horizon; h++) for (int s = 0; s < mdp.S; s++) for (int a = 0; a < mdp.A; a++) q[h, s, a] = horizon - h;
        return q;
    }

    public void Begin(long episode)
    {
        double H = horizon, S = mdp.S, A = mdp.A;
        double L = Math.Log(5 * S * A * (episodes * H) / delta);
        (_q, _) = SlowPlanner.Plan(mdp, horizon, (h, s, a, next) =>
        {
            var samples = _counts.Of(s, a);
            int n = samples.Count;
            if (n == 0) return double.PositiveInfinity;
            double r = samples.Average(x => x.Reward);
            double pv = SlowPlanner.Mean(samples, z => next[z]);
            double b;
            if (!bernstein) b = 7 * H * L * Math.Sqrt(1.0 / n);
            else
            {
                double variance = SlowPlanner.Mean(samples, z => (next[z] - pv) * (next[z] - pv));
                double third = 0;
                if (h + 1 < horizon)
                    third = SlowPlanner.Mean(samples, y =>
                    {
                        int visits = _stateVisits.GetValueOrDefault((h + 1, y));
                        return visits == 0 ? H * H : Math.Min(84 * 84 * H * H * H * S * S * A * L * L / visits, H * H);
                    });
                b = Math.Sqrt(8 * L * variance / n) + 14 * H * L / (3 * n) + Math.Sqrt(8 * third / n);
            }
            return r + pv + bonus * b;
        }, 1.0, _q);
    }

    public int Act(int step, int state) => SlowPlanner.Greedy(mdp, a => _q[step, state, a], state);

    public void Observe(int step, int state, int action, double reward, int next)
    {
        _counts.Add(state, action, reward, next);
        _stateVisits[(step, state)] = _stateVisits.GetValueOrDefault((step, state)) + 1;
    }

    public double Q(int step, int state, int action) => _q[step, state, action];
}

/// <summary>MVP from the paper's description: frozen estimates from the first 2^j samples, values recomputed after a refresh.</summary>
internal sealed class MvpReference(TinyMdp mdp, int horizon, long episodes, double delta, double bonus) : IReference
{
    private readonly SlowCounts _counts = new();
    private readonly Dictionary<(int S, int A), int> _frozen = [];
    private bool _refreshed;
    private double[,,] _q = Initial(mdp, horizon);

    private static double[,,] Initial(TinyMdp mdp, int horizon)
    {
        var q = new double[horizon, mdp.S, mdp.A];
        for (int h = 0; h < horizon; h++) for (int s = 0; s < mdp.S; s++) for (int a = 0; a < mdp.A; a++) q[h, s, a] = (double)(horizon - h) / horizon;
        return q;
    }

    public void Begin(long episode)
    {
        if (!_refreshed) return;
        _refreshed = false;
        double H = horizon;
        double iota = Math.Log(2.0 * mdp.S * mdp.A * H * episodes / delta);
        (_q, _) = SlowPlanner.Plan(mdp, horizon, (h, s, a, next) =>
        {
            int n = _frozen.GetValueOrDefault((s, a));
            if (n == 0) return double.PositiveInfinity;
            var samples = _counts.Of(s, a, n);
            double r = samples.Average(x => x.Reward);
            double rewardVariance = Math.Max(0, samples.Average(x => x.Reward * x.Reward) - r * r) / (H * H);
            double pv = SlowPlanner.Mean(samples, z => next[z]);
            double variance = SlowPlanner.Mean(samples, z => (next[z] - pv) * (next[z] - pv));
            double b = 460.0 / 9 * Math.Sqrt(variance * iota / n) + 2 * Math.Sqrt(2) * Math.Sqrt(rewardVariance * iota / n) + 544.0 / 9 * iota / n;
            return r / H + pv + bonus * b;
        }, 1.0 / H, null);
    }

    public int Act(int step, int state) => SlowPlanner.Greedy(mdp, a => _q[step, state, a], state);

    public void Observe(int step, int state, int action, double reward, int next)
    {
        _counts.Add(state, action, reward, next);
        int n = _counts.Of(state, action).Count;
        if (n is 1 or 2 or 4 or 8 or 16 or 32 or 64 or 128 or 256 or 512 or 1024 or 2048 or 4096) { _frozen[(state, action)] = n; _refreshed = true; }
    }

    public double Q(int step, int state, int action) => _q[step, state, action];
}

/// <summary>Jin et al.'s Q-learning (UCB-H or UCB-B) and the ε-greedy baseline, with dictionaries.</summary>
internal sealed class QLearningReference(TinyMdp mdp, int horizon, long episodes, double delta, double bonus, string variant) : IReference
{
    private readonly Dictionary<(int H, int S, int A), double> _q = [];
    private readonly Dictionary<(int H, int S, int A), List<double>> _values = [];
    private readonly Dictionary<(int H, int S, int A), double> _beta = [];
    private double Start => variant == "epsilon" ? 0 : horizon;

    public void Begin(long episode) { }

    public double Q(int step, int state, int action) => _q.GetValueOrDefault((step, state, action), Start);

    private double V(int step, int state)
    {
        if (step == horizon) return 0;
        double max = double.NegativeInfinity;
        for (int a = 0; a < mdp.A; a++) if (mdp.Available[state * mdp.A + a]) max = Math.Max(max, Q(step, state, a));
        if (double.IsNegativeInfinity(max)) return 0;
        return variant == "epsilon" ? max : Math.Min(horizon, max);
    }

    public int Act(int step, int state) => SlowPlanner.Greedy(mdp, a => Q(step, state, a), state);

    public void Observe(int step, int state, int action, double reward, int next)
    {
        var key = (step, state, action);
        if (!_values.TryGetValue(key, out var seen)) _values[key] = seen = [];
        double future = V(step + 1, next);
        seen.Add(future);
        int t = seen.Count;
        double H = horizon, alpha = (H + 1) / (H + t);
        double iota = Math.Log(mdp.S * mdp.A * (episodes * H) / delta);
        double b = 0;
        if (variant == "hoeffding") b = bonus * 2 * Math.Sqrt(H * H * H * iota / t);
        else if (variant == "bernstein")
        {
            double mean = seen.Average();
            double w = seen.Sum(x => (x - mean) * (x - mean)) / t;
            double beta = bonus * Math.Min(2 * (Math.Sqrt(H / t * (w + H) * iota) + Math.Sqrt(Math.Pow(H, 7) * mdp.S * mdp.A) * iota / t), 2 * Math.Sqrt(H * H * H * iota / t));
            b = (beta - (1 - alpha) * _beta.GetValueOrDefault(key)) / (2 * alpha);
            _beta[key] = beta;
        }
        _q[key] = (1 - alpha) * Q(step, state, action) + alpha * (reward + future + b);
    }
}

/// <summary>Dong et al.'s infinite-horizon UCB Q-learning with dictionaries (Q, Q̂, V̂ stationary).</summary>
internal sealed class OptimisticQReference(TinyMdp mdp, double gamma, double delta, double bonus) : IReference
{
    private readonly Dictionary<(int S, int A), double> _qHat = [], _q = [];
    private readonly Dictionary<(int S, int A), int> _n = [];
    private readonly Dictionary<int, double> _v = [];
    public readonly double EffectiveHorizon = Math.Ceiling(Math.Log(1 / ((1 - gamma) * 0.1)) / Math.Log(1 / gamma));

    public void Begin(long episode) { }

    public double Q(int step, int state, int action) => _q.GetValueOrDefault((state, action), 1 / (1 - gamma));

    public int Act(int step, int state) => SlowPlanner.Greedy(mdp, a => Q(step, state, a), state);

    public void Observe(int step, int state, int action, double reward, int next)
    {
        int k = _n[(state, action)] = _n.GetValueOrDefault((state, action)) + 1;
        double H = EffectiveHorizon, alpha = (H + 1) / (H + k);
        double iota = Math.Log(mdp.S * mdp.A * (k + 1.0) * (k + 2.0) / delta);
        double b = bonus * 4 * Math.Sqrt(2) / (1 - gamma) * Math.Sqrt(H * iota / k);
        double qHat = _qHat[(state, action)] = (1 - alpha) * _qHat.GetValueOrDefault((state, action), 1 / (1 - gamma)) + alpha * (reward + b + gamma * _v.GetValueOrDefault(next, 1 / (1 - gamma)));
        _q[(state, action)] = Math.Min(Q(0, state, action), qHat);
        _v[state] = Enumerable.Range(0, mdp.A).Where(a => mdp.Available[state * mdp.A + a]).Max(a => Q(0, state, a));
    }
}
