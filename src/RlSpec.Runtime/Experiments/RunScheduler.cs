using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// The one work loop of every experiment engine (bandits, episodic RL, policy optimization): items 0..N−1 (a
/// sweep value and a run each) are handed out in order to worker threads, each worker with its own workspace.
/// Results are written by the item into its own slots, so they do not depend on which thread ran it or when.
/// </summary>
/// <remarks>
/// Cancellation (Ctrl-C through <see cref="RunOptions.CancellationToken"/>) abandons the items in flight: an item
/// interrupted by <see cref="OperationCanceledException"/> is not counted as done, and the caller keeps only the
/// items it marked completed. The first exception of any worker cancels the others and is rethrown on the calling
/// thread with its original stack. Progress is reported at most ten times a second, and once more at the end.
/// </remarks>
internal static class RunScheduler
{
    /// <summary>
    /// Runs <paramref name="total"/> items on up to <paramref name="threads"/> threads (the calling thread is one of
    /// them). <paramref name="workspace"/> is called once per worker with the token that stops the run;
    /// <paramref name="item"/> runs one item with that worker's workspace and must mark it completed itself when it
    /// returns normally. Returns the number of items that finished.
    /// </summary>
    public static long Run<TWorkspace>(long total, int threads, RunOptions options,
        Func<CancellationToken, TWorkspace> workspace, Action<TWorkspace, long> item)
    {
        long nextItem = -1, done = 0;
        long start = Stopwatch.GetTimestamp(), nextReport = start + Stopwatch.Frequency / 10;
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        Exception? firstError = null;

        void Worker()
        {
            var space = workspace(failure.Token);
            while (!failure.IsCancellationRequested)
            {
                long index = Interlocked.Increment(ref nextItem);
                if (index >= total) return;
                try
                {
                    item(space, index);
                }
                catch (OperationCanceledException) when (failure.IsCancellationRequested)
                {
                    return; // the item in flight is abandoned; it is not marked completed
                }
                long finished = Interlocked.Increment(ref done);
                if (options.Progress is { } progress)
                {
                    long now = Stopwatch.GetTimestamp(), due = Interlocked.Read(ref nextReport);
                    if (now >= due && Interlocked.CompareExchange(ref nextReport, now + Stopwatch.Frequency / 10, due) == due)
                        progress(Progress(finished, total, start, now));
                }
            }
        }

        void Guarded()
        {
            try { Worker(); }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref firstError, ex, null);
                failure.Cancel();
            }
        }

        int count = (int)Math.Min(threads, Math.Max(1, total));
        if (count <= 1) Guarded();
        else
        {
            var tasks = new Task[count - 1];
            for (int i = 0; i < tasks.Length; i++) tasks[i] = Task.Factory.StartNew(Guarded, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Guarded();
            Task.WaitAll(tasks);
        }
        if (firstError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(firstError).Throw();
        long finishedAll = Interlocked.Read(ref done);
        options.Progress?.Invoke(Progress(finishedAll, total, start, Stopwatch.GetTimestamp()));
        return finishedAll;
    }

    /// <summary>Runs done, total, time so far and the time left at the pace so far.</summary>
    public static ExperimentProgress Progress(long done, long total, long start, long now)
    {
        var elapsed = TimeSpan.FromSeconds((now - start) / (double)Stopwatch.Frequency);
        TimeSpan? remaining = done > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (total - done) / done) : null;
        return new ExperimentProgress(done, total, elapsed, remaining);
    }
}
