using System.IO;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>A plain-text table for a terminal: per sweep value and algorithm the final mean ± CI of each statistic and the paired difference to the first algorithm.</summary>
public static class SummaryTable
{
    /// <summary>Writes the table.</summary>
    public static void Write(ExperimentResult result, TextWriter writer) => throw new System.NotImplementedException();
}
