using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// The C# emitted for every example is pinned by a snapshot (Snapshots/NAME.verified.cs), so a change
/// to the emitter shows up as a reviewable diff of readable code.
/// </summary>
public class EmittedCodeSnapshotTests
{
    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(Paths.Examples, "*.rlspec").Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0]);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Emitted_code_matches_the_snapshot(string file)
    {
        // A relative path keeps the snapshot independent of where the repository is cloned.
        var result = RlSpecCompiler.Compile("examples/" + file, File.ReadAllText(Path.Combine(Paths.Examples, file)));
        Assert.Empty(result.Diagnostics);
        var model = Assert.Single(result.Models);
        Snapshot.Verify(model.Source, model.Name, "cs");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async System.Threading.Tasks.Task Another_process_emits_the_same_text(string file)
    {
        // Two compiles in one process share every static and every string hash seed, so they can hardly
        // differ; a second process (the built `rlspec emit`, fresh runtime, fresh hash seeds) can.
        var path = "examples/" + file;
        var inProcess = RlSpecCompiler.Compile(path, File.ReadAllText(Path.Combine(Paths.Root, path))).Models.Single().Source;
        var cli = typeof(RlSpec.Cli.Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Paths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "emit", path }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "rlspec emit did not finish");
        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal(inProcess.Replace("\r\n", "\n"), (await stdout).Replace("\r\n", "\n"));
    }
}
