using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts
{
    /// <summary>
    /// Time to the first answer (issue 11): `rlspec check` and an interpreted `rlspec solve` must not load the C#
    /// compiler's assemblies (Roslyn's start-up alone costs more than the whole small solve). Each command runs in its
    /// own process with <see cref="global::StartupHook"/> (a .NET startup hook) recording the assemblies it loaded; the
    /// compiled engine with an empty cache is the control that shows the recording sees Roslyn when it is loaded.
    /// </summary>
    public class CliStartupTests
    {
        private static async Task<string[]> LoadedAssemblies(params string[] args)
        {
            var record = Path.Combine(Path.GetTempPath(), "rlspec-loaded-" + Guid.NewGuid().ToString("N") + ".txt");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Paths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(typeof(RlSpec.Cli.Program).Assembly.Location);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(global::StartupHook).Assembly.Location;
            start.Environment[global::StartupHook.RecordVariable] = record;
            start.Environment["RLSPEC_CACHE_DIR"] = Path.Combine(Path.GetTempPath(), "rlspec-startup-cache-" + Guid.NewGuid().ToString("N"));
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            Assert.True(process.ExitCode == 0, $"rlspec {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
            Assert.True(File.Exists(record), "the startup hook wrote no record: " + await stderr);
            var names = File.ReadAllLines(record);
            File.Delete(record);
            return names;
        }

        private static bool IsRoslyn(string name) => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);

        [Fact]
        public async Task Check_and_an_interpreted_solve_do_not_load_the_CSharp_compiler()
        {
            var forest = Path.Combine(Paths.Examples, "forest.rlspec");
            var runs = await Task.WhenAll(
                LoadedAssemblies("check", forest),
                LoadedAssemblies("solve", forest, "--engine", "interpreted"),
                LoadedAssemblies("solve", forest, "--engine", "compiled"));
            var (check, interpreted, compiled) = (runs[0], runs[1], runs[2]);
            // The record is real: every run loaded the compiler library, and the compiled engine (empty cache) loaded Roslyn.
            Assert.All(runs, names => Assert.Contains("RlSpec.Compiler", names));
            Assert.Contains(compiled, IsRoslyn);
            Assert.DoesNotContain(check, IsRoslyn);
            Assert.DoesNotContain(interpreted, IsRoslyn);
            // Nor the plotting library's native graphics (only `run --out` draws).
            Assert.DoesNotContain(interpreted, n => n.StartsWith("ScottPlot", StringComparison.Ordinal) || n.StartsWith("SkiaSharp", StringComparison.Ordinal));
        }
    }
}

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS; the runtime requires this name, in no namespace): when the environment
/// names a file in <see cref="RecordVariable"/>, writes the names of the assemblies loaded by the end of the process
/// to it. Used by <see cref="RlSpec.Tests.Hosts.CliStartupTests"/> in a child `rlspec` process; does nothing otherwise.
/// </summary>
internal static class StartupHook
{
    public const string RecordVariable = "RLSPEC_TEST_LOADED_ASSEMBLIES";

    public static void Initialize()
    {
        var record = Environment.GetEnvironmentVariable(RecordVariable);
        if (string.IsNullOrEmpty(record)) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(record, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").OrderBy(n => n, StringComparer.Ordinal));
    }
}
