using System;
using System.Globalization;
using System.IO;
using RlSpec.Runtime.Experiments;

namespace RlSpec.Cli.Output;

/// <summary>
/// An experiment's progress on standard error: on a terminal a bar redrawn in place (runs done, elapsed,
/// time left); otherwise (redirected, or CI=true) a plain line at each tenth of the runs, so logs stay short.
/// The engine reports from a worker thread, at most ten times a second.
/// </summary>
internal sealed class ExperimentProgressDisplay : IDisposable
{
    private const int BarWidth = 30;
    private readonly TextWriter _error;
    private readonly bool _interactive;
    private readonly object _gate = new();
    private bool _drawn;
    private int _tenthsShown;

    public ExperimentProgressDisplay(TextWriter error, bool interactive)
    {
        _error = error;
        _interactive = interactive;
    }

    public void Report(ExperimentProgress p)
    {
        lock (_gate)
        {
            double fraction = p.RunsTotal == 0 ? 1 : (double)p.RunsDone / p.RunsTotal;
            var left = p.Remaining is { } r ? $", {Duration(r)} left" : "";
            if (_interactive)
            {
                int filled = (int)Math.Round(fraction * BarWidth);
                _error.Write(string.Create(CultureInfo.InvariantCulture,
                    $"\r  [{new string('#', filled)}{new string('.', BarWidth - filled)}] {p.RunsDone:N0}/{p.RunsTotal:N0} runs, {Duration(p.Elapsed)}{left}   "));
                _drawn = true;
                return;
            }
            int tenths = (int)Math.Floor(fraction * 10);
            if (tenths <= _tenthsShown) return;
            _tenthsShown = tenths;
            _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.RunsDone:N0}/{p.RunsTotal:N0} runs ({tenths * 10}%), {Duration(p.Elapsed)}{left}"));
        }
    }

    private static string Duration(TimeSpan t) =>
        t.TotalSeconds < 60 ? t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"
        : t.TotalHours < 1 ? $"{(int)t.TotalMinutes}:{t.Seconds:00} min"
        : $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00} h";

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_drawn) return;
            _error.Write("\r" + new string(' ', 78) + "\r");
            _drawn = false;
        }
    }
}
