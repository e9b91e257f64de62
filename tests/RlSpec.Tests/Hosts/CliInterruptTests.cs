using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using RlSpec.Cli;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// Ctrl-C on the real <c>rlspec run</c> process: SIGINT after the first progress line (10% of the runs done)
/// stops it with exit code 6, the completed runs are written marked partial (the JSON on standard output and
/// the shard file), and <c>rlspec merge</c> refuses the partial shard (RLS0710) unless <c>--allow-partial</c>.
/// Timeouts are generous: on a loaded 2-core machine the first tenth of the runs can take a minute.
/// </summary>
public class CliInterruptTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rlspec-interrupt-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Sigint_writes_the_completed_runs_marked_partial_and_merge_refuses_them_unless_allowed()
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "this test sends SIGINT with kill(1)");
        var shardDir = Path.Combine(_root, "shard");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Paths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // 400 runs on one thread: the first progress line comes at 40 runs, and 360 remain when the signal comes.
        foreach (var arg in new[]
        {
            typeof(Program).Assembly.Location, "run", Path.Combine("examples", "bandits", "bernoulli9.rlspec"),
            "--experiment", "Regret", "--runs", "400", "--threads", "1", "--shard", "0/1", "--out", shardDir, "--format", "json",
        })
            start.ArgumentList.Add(arg);
        start.Environment["CI"] = "true"; // plain progress lines, never a bar
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var firstProgress = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrText = new System.Text.StringBuilder();
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (stderrText) stderrText.AppendLine(line);
                if (Regex.IsMatch(line, @"^\s*[\d,]+/400 runs \(")) firstProgress.TrySetResult(line);
            }
            firstProgress.TrySetResult("");
        });
        try
        {
            var ready = await Task.WhenAny(firstProgress.Task, Task.Delay(TimeSpan.FromMinutes(5)));
            Assert.True(ready == firstProgress.Task && (await firstProgress.Task).Length > 0, "no progress line within 5 minutes, or the run ended first: " + Text(stderrText));
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) kill.WaitForExit();
            Assert.True(process.WaitForExit(120_000), "rlspec run did not stop within 2 minutes of SIGINT: " + Text(stderrText));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        await stderr;
        string error = Text(stderrText);
        Assert.True(process.ExitCode == 6, $"exit code {process.ExitCode}: {error}");
        Assert.Matches(@"interrupted: \d+ of 400 runs completed", error);

        // The JSON on standard output: partial, with the runs completed before the signal (at least the first tenth).
        var json = JsonDocument.Parse(await stdout).RootElement;
        Assert.True(json.GetProperty("partial").GetBoolean());
        int completed = json.GetProperty("results")[0].GetProperty("runs_completed").GetInt32();
        Assert.InRange(completed, 40, 399);

        // The shard file: partial, holding exactly those runs.
        var file = Path.Combine(shardDir, ShardFile.FileName(new ShardSpec(0, 1)));
        ExperimentResult shard;
        using (var stream = File.OpenRead(file)) shard = ShardFile.Read(stream, file);
        Assert.True(shard.Partial);
        Assert.Equal(completed, shard.CompletedCount(0));

        // Merge refuses it, then takes it with --allow-partial and marks the outputs partial.
        var merged = Path.Combine(_root, "merged");
        var (code, _, mergeError) = RunCli("merge", shardDir, "--out", merged);
        Assert.Equal(1, code);
        Assert.Contains("error RLS0710", mergeError);
        Assert.False(File.Exists(Path.Combine(merged, ExperimentOutput.CsvFileName)));
        (code, _, mergeError) = RunCli("merge", shardDir, "--out", merged, "--allow-partial");
        Assert.True(code == 0, mergeError);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, ExperimentOutput.JsonFileName))).RootElement;
        Assert.True(summary.GetProperty("partial").GetBoolean());
        Assert.Equal(completed, summary.GetProperty("results")[0].GetProperty("runs_completed").GetInt32());
        var rows = File.ReadAllLines(Path.Combine(merged, ExperimentOutput.CsvFileName)).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(completed.ToString(), r.Split(',')[6]));
    }

    private static string Text(System.Text.StringBuilder builder)
    {
        lock (builder) return builder.ToString();
    }

    private static (int Code, string Out, string Err) RunCli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
