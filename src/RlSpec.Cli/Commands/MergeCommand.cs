using System;
using System.CommandLine;
using System.IO;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;

namespace RlSpec.Cli.Commands;

/// <summary>
/// <c>rlspec merge DIR... --out DIR</c>: combines the shard files of <c>rlspec run --shard i/n</c> into the
/// outputs of the whole experiment (results.csv, summary.json), byte-identical to a single-process run apart
/// from the wall time; prints the summary table (or the JSON summary with <c>--format json</c>).
/// </summary>
internal static class MergeCommand
{
    public static Command Build(CliContext context)
    {
        var inputs = new Argument<string[]>("shards")
        {
            Description = "Folders holding shard files (*.rlshard), or the files themselves.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write results.csv and summary.json into (created if missing).", Required = true };
        var allowPartial = new Option<bool>("--allow-partial") { Description = "Merge interrupted (partial) shards too; the outputs are marked partial." };
        var format = RlSpecCommandLine.FormatOption("text", "json");
        var command = new Command("merge", "Merge the shards of an experiment (rlspec run --shard i/n) into its outputs.") { inputs, output, allowPartial, format };
        command.SetAction(result => Run(context, result.GetValue(inputs)!, result.GetValue(output)!, result.GetValue(allowPartial), result.GetValue(format) ?? "text"));
        return command;
    }

    private static int Run(CliContext context, string[] inputs, string outDirectory, bool allowPartial, string format)
    {
        ExperimentResult merged;
        try
        {
            merged = ExperimentMerge.Merge(ExperimentMerge.FindShardFiles(inputs), allowPartial);
        }
        catch (ExperimentException ex)
        {
            context.Error.WriteLine($"rlspec merge: error {ex.Id}: {ex.Message}");
            return ExitCodes.ModelErrors;
        }
        try
        {
            ExperimentOutput.WriteAll(merged, outDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"--out {outDirectory}: error {CliDiagnosticIds.CannotWriteOutput}: cannot write the outputs ({ex.Message}); check that the folder can be created and is writable");
            return ExitCodes.ModelErrors;
        }
        if (format == "json")
        {
            using var stream = new MemoryStream();
            ExperimentJson.Write(merged, stream);
            context.Out.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            context.Out.WriteLine();
        }
        else
        {
            SummaryTable.Write(merged, context.Out);
            context.Out.WriteLine($"wrote {Path.Combine(outDirectory, ExperimentOutput.CsvFileName)} and {Path.Combine(outDirectory, ExperimentOutput.JsonFileName)}");
        }
        if (merged.Partial)
            context.Error.WriteLine("rlspec merge: warning: some runs are missing (partial shards merged with --allow-partial); the outputs are marked partial");
        return ExitCodes.Success;
    }
}
