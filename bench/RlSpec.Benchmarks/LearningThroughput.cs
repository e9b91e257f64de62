using System;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Learning.PolicyOptimization;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/RlSpec.Benchmarks -- learning-throughput</c> (issue 8's benchmarks):
/// <list type="bullet">
/// <item>UCBVI-Bernstein episodes per second on RiverSwim (S = 6 and S = 20, H = 20): planning on the learned model
/// (BeginEpisode), then H steps of Act, a draw from the true model and Observe. The limit it is compared with is
/// one backward-induction pass of the runtime over a model of the same shape (H backups of every state-action
/// pair and its successors), the work a planner cannot avoid once per episode.</item>
/// <item>NPG iterations per second on a random 10^4-state model (4 actions, 5 successors each, γ = 0.95) against one
/// exact policy evaluation, the work each NPG step needs at least once.</item>
/// </list>
/// Each rate is the total over 5 windows of at least 0.5 s, by the wall clock and by the process's CPU time
/// (<see cref="Throughput"/>).
/// </summary>
public static class LearningThroughput
{
    public static void Run(string[] args)
    {
        foreach (int states in new[] { 6, 20 })
        {
            var river = RiverSwim(states);
            var ucbvi = new UcbviEpisodes(river, horizon: 20);
            double episode = Measure($"UCBVI-Bernstein episodes, RiverSwim S = {states}, H = 20", 1, ucbvi.Episode);
            double pass = Measure($"  one backward-induction pass, S = {states}, H = 20", 1, () => BackwardPass(river, 20));
            Console.WriteLine($"  an episode costs {pass / episode:F2} backward-induction passes (aim: at most 1.5)");
        }

        var model = RandomSparse.Create(10_000, 4, 5, seed: 7, gamma: 0.95);
        var start = new double[model.StateCount];
        Array.Fill(start, 1.0 / model.StateCount);
        var setup = new PolicyOptimizationSetup { Model = model, Discount = 0.95, Start = start };
        var npg = new NaturalPolicyGradient(0.1, 1.0, 0);
        npg.Reset(setup);
        long k = 0;
        var random = RandomStream.Create(1, 0);
        double step = Measure("NPG iterations, 10^4 states x 4 actions", 1, () => { npg.Step(++k, ref random); return npg.Policy[0]; });
        // The evaluation NPG needs: of the next iterate, warm-started (as inside NPG) from the values of the one before,
        // so two consecutive iterates are evaluated in turn (evaluating one policy again would start at its answer).
        var evaluation = new ExactPolicyEvaluation(setup);
        var before = npg.Policy.ToArray();
        npg.Step(++k, ref random);
        var after = npg.Policy.ToArray();
        var values = new double[model.StateCount];
        int turn = 0;
        double evaluate = Measure("  one exact policy evaluation, 10^4 states", 1, () => { evaluation.Values((turn++ & 1) == 0 ? before : after, values); return values[0]; });
        Console.WriteLine($"  an NPG iteration costs {evaluate / step:F2} exact policy evaluations");
    }

    /// <summary>RiverSwim (Strehl and Littman 2008; Osband, Russo and Van Roy 2013's episodic form): left drifts home, right fights the current.</summary>
    public static SparseMdp RiverSwim(int n)
    {
        var groups = new int[n + 1];
        var actions = new System.Collections.Generic.List<int>();
        var starts = new System.Collections.Generic.List<int> { 0 };
        var columns = new System.Collections.Generic.List<int>();
        var probabilities = new System.Collections.Generic.List<double>();
        var rewards = new System.Collections.Generic.List<double>();
        void Row(int action, double reward, params (int Next, double P)[] outcomes)
        {
            actions.Add(action);
            rewards.Add(reward);
            var sorted = (((int Next, double P)[])outcomes.Clone());
            Array.Sort(sorted, (x, y) => x.Next.CompareTo(y.Next));
            foreach (var (next, p) in sorted) { columns.Add(next); probabilities.Add(p); }
            starts.Add(columns.Count);
        }
        for (int s = 0; s < n; s++)
        {
            groups[s] = actions.Count;
            Row(0, s == 0 ? 0.005 : 0, (Math.Max(s - 1, 0), 1.0));
            if (s == 0) Row(1, 0, (0, 0.4), (1, 0.6));
            else if (s == n - 1) Row(1, 1, (n - 2, 0.4), (n - 1, 0.6));
            else Row(1, 0, (s - 1, 0.05), (s, 0.6), (s + 1, 0.35));
        }
        groups[n] = actions.Count;
        return new SparseMdp("RiverSwim", Criterion.FiniteHorizon(20), 2, groups, actions.ToArray(), starts.ToArray(), columns.ToArray(),
            probabilities.ToArray(), rewards.ToArray());
    }

    /// <summary>H backward steps of the runtime's backward induction over <paramref name="model"/>.</summary>
    private static double BackwardPass(SparseMdp model, int horizon)
    {
        int n = model.StateCount;
        var next = new double[n];
        var values = new double[n];
        var policy = new int[n];
        for (int h = horizon - 1; h >= 0; h--)
        {
            BackwardInduction.Step(model, h, next, values, policy);
            (next, values) = (values, next);
        }
        return next[0];
    }

    /// <summary>UCBVI-Bernstein playing episodes of the true model, drawn here from its rows.</summary>
    private sealed class UcbviEpisodes
    {
        private readonly SparseMdp _model;
        private readonly int _horizon;
        private UcbviBernstein _algorithm;
        private RandomStream _environment = RandomStream.Create(2, 0), _choices = RandomStream.Create(3, 0);
        private long _episode;

        public UcbviEpisodes(SparseMdp model, int horizon)
        {
            _model = model;
            _horizon = horizon;
            var available = new bool[model.StateCount * 2];
            Array.Fill(available, true);
            _algorithm = new UcbviBernstein(0.01);
            _algorithm.Reset(new EpisodicSetup { StateCount = model.StateCount, ActionCount = 2, Horizon = horizon, Episodes = 0, Available = available });
        }

        public double Episode()
        {
            _algorithm.BeginEpisode(++_episode, ref _choices);
            int state = 0;
            double total = 0;
            for (int h = 0; h < _horizon; h++)
            {
                int action = _algorithm.Act(h, state, ref _choices);
                int row = _model.RowGroupStart[state] + action;
                double u = _environment.NextDouble(), reward = _model.RowRewards[row];
                int next = _model.Columns[_model.RowStart[row + 1] - 1];
                for (int e = _model.RowStart[row]; e < _model.RowStart[row + 1]; e++)
                {
                    u -= _model.Probabilities[e];
                    if (u < 0) { next = _model.Columns[e]; break; }
                }
                _algorithm.Observe(h, state, action, reward, next);
                total += reward;
                state = next;
            }
            _algorithm.EndEpisode();
            return total;
        }
    }

    /// <summary>Operations per second (CPU-time rate) of <paramref name="run"/>; prints wall and CPU rates.</summary>
    private static double Measure(string name, int operationsPerRun, Func<double> run)
    {
        var (wall, cpu, _) = Throughput.Rates(operationsPerRun, run);
        Console.WriteLine($"{name,-55} wall {wall,12:N0} /s   cpu {cpu,12:N0} /s");
        return cpu;
    }
}
