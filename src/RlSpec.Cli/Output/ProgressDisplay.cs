using System;
using System.IO;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Output;

/// <summary>
/// Shows a running solve's iteration and residual on one terminal line once it has run for a
/// second; silent when stderr is redirected or in CI, so scripted output stays clean.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter _error;
    private readonly bool _enabled;
    private bool _shown;

    public ProgressDisplay(TextWriter error, bool enabled)
    {
        _error = error;
        _enabled = enabled;
    }

    public void Report(SolverProgress p)
    {
        if (!_enabled || p.Seconds < 1.0) return;
        _shown = true;
        _error.Write($"\r  {p.Method}: iteration {p.Iteration}, residual {p.Residual:0.000E+00}, {p.Seconds:F1} s   ");
    }

    public void Dispose()
    {
        if (_shown)
        {
            _error.Write("\r" + new string(' ', 78) + "\r");
            _shown = false;
        }
    }
}
