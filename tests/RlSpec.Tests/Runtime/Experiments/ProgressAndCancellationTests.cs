using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using RlSpec.Runtime.Experiments;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

public class ProgressAndCancellationTests
{
    [Fact]
    public void Progress_ends_with_every_run_done_and_is_throttled()
    {
        var reports = new ConcurrentQueue<ExperimentProgress>();
        var spec = ExperimentFixtures.Spec(runs: 200, horizon: 2000, record: [Statistic.Regret]);
        var started = DateTime.UtcNow;
        ExperimentFixtures.Run(spec, new RunOptions { Threads = 2, Progress = reports.Enqueue });
        double seconds = (DateTime.UtcNow - started).TotalSeconds;
        var last = reports.Last();
        Assert.Equal(200, last.RunsDone);
        Assert.Equal(200, last.RunsTotal);
        Assert.Equal(TimeSpan.Zero, last.Remaining);
        Assert.True(reports.Count <= seconds * 10 + 3, $"{reports.Count} reports in {seconds:F2} s");
        Assert.All(reports, r => Assert.InRange(r.RunsDone, 0, 200));
    }

    [Fact]
    public void Cancellation_keeps_the_completed_runs_with_their_exact_values_and_marks_the_result_partial()
    {
        using var cancel = new CancellationTokenSource();
        var spec = ExperimentFixtures.Spec(runs: 50, horizon: 300);
        var perRun = new ExperimentSpec { Name = spec.Name, Model = spec.Model, Horizon = spec.Horizon, Runs = spec.Runs, Seed = spec.Seed, Checkpoints = spec.Checkpoints, Record = spec.Record, Instance = InstanceMode.PerRun };
        int calls = 0;
        var result = BanditExperiment.Run(perRun, ExperimentFixtures.Algorithms(), (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 12) cancel.Cancel(); // the probe, then runs 0..9 complete; run 10 is abandoned
            return new BernoulliArms(ExperimentFixtures.Means);
        }, new RunOptions { Threads = 1, CancellationToken = cancel.Token });
        Assert.True(result.Partial);
        Assert.Equal(10, result.CompletedCount(0));
        Assert.True(Enumerable.Range(0, 10).All(p => result.IsCompleted(0, p)));
        Assert.False(result.IsCompleted(0, 10));
        var full = ExperimentFixtures.Run(perRun, new RunOptions { Threads = 2 });
        for (int r = 0; r < 10; r++) Assert.Equal(full.Block(0, r, 2).ToArray(), result.Block(0, r, 2).ToArray());
        Assert.Contains("\"partial\": true", ExperimentFixtures.Json(result));
        Assert.Equal(10, result.Aggregate(0, 0, result.Layouts[0].Series[0], 0).Summary.Count);
    }
}
