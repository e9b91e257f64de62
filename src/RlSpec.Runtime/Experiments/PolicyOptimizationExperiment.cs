using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RlSpec.Runtime.Learning.PolicyOptimization;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// Runs a policy-optimization experiment: every optimizer of <c>compare</c> for <see cref="ExperimentSpec.Horizon"/>
/// iterations on a discounted tabular model, recording at the checkpoints (iterations) the exact
/// <see cref="Statistic.Suboptimality"/> V*(ρ) − V^{π_k}(ρ), <see cref="Statistic.RegularizedGap"/>
/// V*_τ(ρ) − V^{π_k}_τ(ρ) (τ of the optimizer; = suboptimality when τ = 0) and <see cref="Statistic.PolicyDistance"/>
/// max_s ‖π_k(·|s) − π*(·|s)‖₁. Exact methods are deterministic (every run gives the same curve, so one run
/// suffices); sampled-Q methods draw run r's rollouts from the algorithm stream of (seed, r) (<see cref="StreamKeys"/>).
/// Runs go to worker threads and are stored at their own index, so results are bit-identical for any thread count.
/// </summary>
public static class PolicyOptimizationExperiment
{
    /// <summary>The statistics a policy-optimization experiment can record.</summary>
    public static IReadOnlyList<Statistic> Recordable { get; } = [Statistic.Suboptimality, Statistic.RegularizedGap, Statistic.PolicyDistance];

    /// <summary>
    /// Runs <paramref name="spec"/> (horizon = iterations) for <paramref name="optimizers"/> on <paramref name="model"/>
    /// with discount <paramref name="discount"/> from the start distribution <paramref name="start"/>.
    /// </summary>
    /// <exception cref="ExperimentException">The spec, model or options are invalid, or the data would not fit.</exception>
    public static ExperimentResult Run(ExperimentSpec spec, IReadOnlyList<PolicyOptimizerEntry> optimizers, SparseMdp model,
        double discount, double[] start, RunOptions? options = null)
    {
        options ??= new RunOptions();
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(optimizers);
        ArgumentNullException.ThrowIfNull(start);
        var clock = Stopwatch.StartNew();
        var setup = new PolicyOptimizationSetup { Model = model, Discount = discount, Start = start, Iterations = spec.Horizon };
        Validate(spec, optimizers, setup, options);
        long[] checkpoints = spec.EffectiveCheckpoints.Steps(spec.Horizon);
        int[] runs = BanditExperiment.PlannedRuns(spec, options);
        int sweeps = spec.SweepCount;
        var layout = new SeriesLayout(spec.Record, 1, checkpoints.Length);
        var layouts = Enumerable.Repeat(layout, sweeps).ToArray();
        ExperimentMemoryPlan.Check(spec, optimizers.Count, runs.Length, checkpoints.Length, layouts, options);

        // The ground truth once: V*, π*, and π*_τ for every τ an optimizer uses.
        var evaluation = new ExactPolicyEvaluation(setup);
        var optimum = OptimalPolicy.Solve(evaluation);
        var regularized = new Dictionary<double, OptimalPolicy>();
        bool wantsGap = spec.Record.Contains(Statistic.RegularizedGap);
        for (int s = 0; s < sweeps; s++)
            foreach (var entry in optimizers)
            {
                double tau = entry.Regularization(s);
                if (wantsGap && tau > 0 && !regularized.ContainsKey(tau)) regularized[tau] = OptimalPolicy.SolveRegularized(evaluation, tau);
            }

        var values = new double[sweeps][];
        var completed = new bool[sweeps][];
        for (int s = 0; s < sweeps; s++)
        {
            values[s] = new double[(long)runs.Length * optimizers.Count * layout.BlockSize];
            completed[s] = new bool[runs.Length];
        }
        RunScheduler.Run((long)sweeps * runs.Length, options.Threads, options,
            token => new PolicyOptimizationRun(setup, spec.Seed, checkpoints, layout, optimum, regularized, token),
            (run, item) =>
            {
                int s = (int)(item / runs.Length), position = (int)(item % runs.Length);
                for (int a = 0; a < optimizers.Count; a++)
                {
                    var output = values[s].AsSpan((int)(((long)position * optimizers.Count + a) * layout.BlockSize), layout.BlockSize);
                    run.Regularization = optimizers[a].Regularization(s);
                    optimizers[a].RunOne(run, s, runs[position], output);
                }
                completed[s][position] = true;
            });

        var infos = optimizers.Select(a => a.Info).ToArray();
        return new ExperimentResult(spec, infos, checkpoints, layouts, runs, values, completed, options.Shard, options.RunIndex, clock.Elapsed, ExperimentVersion.Current);
    }

    private static void Validate(ExperimentSpec spec, IReadOnlyList<PolicyOptimizerEntry> optimizers, PolicyOptimizationSetup setup, RunOptions options)
    {
        string? problem =
            spec.Horizon <= 0 ? $"the number of iterations must be positive, not {spec.Horizon}" :
            spec.Runs <= 0 ? $"the number of runs must be positive, not {spec.Runs}" :
            optimizers.Count == 0 ? "the experiment compares no optimizers; list at least one in 'compare'" :
            spec.Record.Count == 0 ? "the experiment records nothing; record at least one of " + string.Join(", ", Recordable.Select(StatisticNames.Name)) :
            spec.Record.Any(r => !Recordable.Contains(r)) ?
                $"'{spec.Record.First(r => !Recordable.Contains(r)).Name()}' is not recorded by policy optimization; record {string.Join(", ", Recordable.Select(StatisticNames.Name))}" :
            spec.Record.Distinct().Count() != spec.Record.Count ? "a statistic is recorded twice; list each once" :
            options.Threads < 1 ? $"the thread count must be at least 1, not {options.Threads}" :
            options.RunIndex is int r && (r < 0 || r >= spec.Runs) ? $"run index {r} is out of range; the runs are 0..{spec.Runs - 1}" :
            options.RunIndex is not null && options.Shard is not null ? "a single run (run index) cannot also be a shard; give one of the two" :
            options.Shard is { } s && (s.Count < 1 || s.Index < 0 || s.Index >= s.Count || s.Count > spec.Runs) ? $"shard {s} is out of range" :
            null;
        if (problem is null)
        {
            try { setup.Validate(); }
            catch (ArgumentException ex) { problem = ex.Message.TrimEnd('.'); }
        }
        if (problem is not null) throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}': {problem}.");
    }
}

/// <summary>A worker's state for policy-optimization runs: the measuring evaluator, buffers and the ground truth.</summary>
internal sealed class PolicyOptimizationRun
{
    private readonly PolicyOptimizationSetup _setup;
    private readonly ulong _seed;
    private readonly long[] _checkpoints;
    private readonly SeriesLayout _layout;
    private readonly OptimalPolicy _optimum;
    private readonly Dictionary<double, OptimalPolicy> _regularized;
    private readonly CancellationToken _cancellation;
    private readonly ExactPolicyEvaluation _evaluation;
    private readonly double[] _values;

    public PolicyOptimizationRun(PolicyOptimizationSetup setup, ulong seed, long[] checkpoints, SeriesLayout layout,
        OptimalPolicy optimum, Dictionary<double, OptimalPolicy> regularized, CancellationToken cancellation)
    {
        _setup = setup;
        _seed = seed;
        _checkpoints = checkpoints;
        _layout = layout;
        _optimum = optimum;
        _regularized = regularized;
        _cancellation = cancellation;
        _evaluation = new ExactPolicyEvaluation(setup);
        _values = new double[setup.Model.StateCount];
    }

    /// <summary>τ of the optimizer about to run.</summary>
    public double Regularization { get; set; }

    public void Execute<TOptimizer>(ref TOptimizer optimizer, string label, int run, Span<double> output) where TOptimizer : struct, IPolicyOptimizer
    {
        try { optimizer.Reset(_setup); }
        catch (ArgumentException ex)
        {
            throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"{label}: {ex.Message}");
        }
        var random = StreamKeys.Stream(_seed, run, StreamPurpose.Algorithm);
        double best = ExactPolicyEvaluation.Expected(_setup.Start, _optimum.Values);
        double tau = Regularization;
        OptimalPolicy? soft = tau > 0 && _regularized.TryGetValue(tau, out var o) ? o : null;
        double bestSoft = soft is null ? best : ExactPolicyEvaluation.Expected(_setup.Start, soft.Values);
        int c = 0;
        long last = _checkpoints[^1];
        for (long k = 1; k <= last; k++)
        {
            optimizer.Step(k, ref random);
            if (k != _checkpoints[c]) continue;
            _cancellation.ThrowIfCancellationRequested();
            foreach (var (statistic, offset) in _layout.ScalarSeries)
            {
                double value;
                switch (statistic)
                {
                    case Statistic.Suboptimality:
                        _evaluation.Values(optimizer.Policy, _values);
                        value = best - ExactPolicyEvaluation.Expected(_setup.Start, _values);
                        break;
                    case Statistic.RegularizedGap:
                        _evaluation.Values(optimizer.Policy, _values, soft is null ? 0 : tau);
                        value = bestSoft - ExactPolicyEvaluation.Expected(_setup.Start, _values);
                        break;
                    default:
                        value = _evaluation.Distance(optimizer.Policy, _optimum.Policy);
                        break;
                }
                output[offset + c] = value;
            }
            c++;
        }
    }
}
