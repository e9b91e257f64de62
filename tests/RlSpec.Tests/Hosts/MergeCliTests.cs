using System;
using System.IO;
using RlSpec.Cli;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using RlSpec.Tests.Runtime.Experiments;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary><c>rlspec merge</c>: outputs byte-identical to the single-process run, refusals as diagnostics with exit 1.</summary>
public sealed class MergeCliTests : IDisposable
{
    private readonly string _dir = ExperimentFixtures.TempDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Merge_writes_the_outputs_of_the_single_process_run()
    {
        var spec = ExperimentFixtures.Spec(runs: 9, horizon: 150);
        string single = Path.Combine(_dir, "single"), shards = Path.Combine(_dir, "shards"), merged = Path.Combine(_dir, "merged");
        ExperimentOutput.WriteAll(ExperimentFixtures.Run(spec, new RunOptions { Threads = 2 }), single);
        for (int i = 0; i < 3; i++) ExperimentOutput.WriteAll(ExperimentFixtures.Run(spec, new RunOptions { Shard = new ShardSpec(i, 3) }), shards);

        var (code, output, error) = Run("merge", shards, "--out", merged);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("experiment Compare on Bernoulli5: 9 runs", output);
        Assert.Contains("wrote " + Path.Combine(merged, "results.csv"), output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(single, "results.csv")), File.ReadAllBytes(Path.Combine(merged, "results.csv")));

        (code, output, _) = Run("merge", shards, "--out", merged, "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains("\"format\": \"rlspec-experiment-summary/1\"", output);
    }

    [Fact]
    public void A_missing_shard_is_a_diagnostic_with_exit_1()
    {
        var spec = ExperimentFixtures.Spec(runs: 9, horizon: 50);
        ExperimentOutput.WriteAll(ExperimentFixtures.Run(spec, new RunOptions { Shard = new ShardSpec(1, 3) }), _dir);
        var (code, _, error) = Run("merge", _dir, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(1, code);
        Assert.Contains("error RLS0711: shards 0/3, 2/3 of experiment 'Compare' are missing", error);
    }

    [Fact]
    public void Merge_needs_an_output_folder()
    {
        var (code, _, error) = Run("merge", _dir);
        Assert.Equal(2, code);
        Assert.Contains("--out", error);
    }
}
