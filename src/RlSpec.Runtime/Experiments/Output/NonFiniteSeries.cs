using System.Collections.Generic;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>
/// A recorded series that stopped being a finite number: an algorithm whose iterates overflowed (gradient descent
/// with too large a step, a diverging saddle-point method). <paramref name="FirstStep"/> is the first checkpoint at
/// which some completed run recorded NaN or an infinity, <paramref name="Runs"/> how many runs did so by the end.
/// </summary>
public sealed record NonFiniteSeries(int Sweep, string Algorithm, string Series, long FirstStep, int Runs, int CompletedRuns);

/// <summary>Finds the series of a result that became NaN or infinite, so hosts say so instead of printing NaN.</summary>
public static class NonFiniteValues
{
    /// <summary>Every (sweep, algorithm, series) with a non-finite value in a completed run, in output order.</summary>
    public static IReadOnlyList<NonFiniteSeries> Find(ExperimentResult result)
    {
        var found = new List<NonFiniteSeries>();
        for (int s = 0; s < result.SweepCount; s++)
        {
            int completed = result.CompletedCount(s);
            foreach (var series in result.Layouts[s].Series)
            {
                for (int a = 0; a < result.Algorithms.Count; a++)
                {
                    int firstPoint = int.MaxValue, runs = 0;
                    for (int p = 0; p < result.Runs.Count; p++)
                    {
                        if (!result.IsCompleted(s, p)) continue;
                        bool bad = false;
                        for (int point = 0; point < series.Points; point++)
                        {
                            if (double.IsFinite(result.Value(s, p, a, series, point))) continue;
                            if (point < firstPoint) firstPoint = point;
                            bad = true;
                            break;
                        }
                        if (bad) runs++;
                    }
                    if (runs == 0) continue;
                    long step = result.CheckpointSteps[series.CheckpointIndex(firstPoint, result.CheckpointSteps.Length)];
                    found.Add(new NonFiniteSeries(s, result.Algorithms[a].Label, series.Label, step, runs, completed));
                }
            }
        }
        return found;
    }
}
