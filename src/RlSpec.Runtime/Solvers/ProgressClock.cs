using System;
using System.Diagnostics;
using System.Threading;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Throttles progress callbacks to about ten per second and checks cancellation; one
/// timestamp read per tick and no allocation.
/// </summary>
internal struct ProgressClock
{
    private readonly Action<SolverProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly string _method;
    private readonly long _start;
    private readonly long _interval;
    private long _next;

    public ProgressClock(SolverOptions options, string method)
    {
        _progress = options.Progress;
        _cancellation = options.CancellationToken;
        _method = method;
        _start = Stopwatch.GetTimestamp();
        _interval = Stopwatch.Frequency / 10;
        _next = _start + _interval;
    }

    public readonly double Seconds => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    public void Tick(int iteration, double residual)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_progress is null) return;
        long now = Stopwatch.GetTimestamp();
        if (now < _next) return;
        _next = now + _interval;
        _progress(new SolverProgress(_method, iteration, residual, (now - _start) / (double)Stopwatch.Frequency));
    }
}
