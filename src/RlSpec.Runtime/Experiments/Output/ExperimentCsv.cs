using System.IO;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>The long-format CSV of an experiment's aggregates (docs/experiments.md has the columns).</summary>
public static class ExperimentCsv
{
    /// <summary>Writes the CSV.</summary>
    public static void Write(ExperimentResult result, TextWriter writer) => throw new System.NotImplementedException();
}
