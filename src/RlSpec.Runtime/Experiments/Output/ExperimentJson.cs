using System.IO;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>The JSON summary of an experiment (docs/experiments.md has the schema).</summary>
public static class ExperimentJson
{
    /// <summary>Writes the summary; <c>wall_time_seconds</c> is its only timing field.</summary>
    public static void Write(ExperimentResult result, Stream stream) => throw new System.NotImplementedException();
}
