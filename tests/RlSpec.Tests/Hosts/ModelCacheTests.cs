using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// The CLI's cache of compiled models (issue 11): a second solve of the same model skips the C# compiler; a
/// damaged entry is compiled again and repaired; concurrent runs, in threads and in processes, all succeed.
/// </summary>
public class ModelCacheTests
{
    private static GeneratedModel Forest(double discount = 0.95)
    {
        var text = File.ReadAllText(Path.Combine(Paths.Examples, "forest.rlspec"));
        var result = RlSpecCompiler.Compile("examples/forest.rlspec", text, new System.Collections.Generic.Dictionary<string, string> { ["gamma"] = discount.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return Assert.Single(result.Models);
    }

    private static ModelAssemblyCache NewCache() =>
        new(Path.Combine(Path.GetTempPath(), "rlspec-cache-test-" + Guid.NewGuid().ToString("N")));

    private static string EntryPath(ModelAssemblyCache cache) => Assert.Single(Directory.GetFiles(cache.Directory, "*.dll.rlc"));

    /// <summary>Loads the model through the cache; returns its values and how many times the C# compiler ran.</summary>
    private static (double[] Values, int Compilations) Solve(GeneratedModel model, ModelAssemblyCache? cache)
    {
        int before = InMemoryModelCompiler.CompilationsOnThisThread;
        var loaded = InMemoryModelCompiler.Load(model, cache);
        Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
        return (loaded.MdpHost!.Solve().Values, InMemoryModelCompiler.CompilationsOnThisThread - before);
    }

    [Fact]
    public void A_second_load_of_the_same_code_does_not_compile()
    {
        var cache = NewCache();
        var model = Forest();
        var (first, compiled) = Solve(model, cache);
        Assert.Equal(1, compiled);
        var (second, again) = Solve(model, cache);
        Assert.Equal(0, again);
        Assert.Equal(first, second);
        // Another parameter value is other code: compiled, and cached beside the first.
        Assert.Equal(1, Solve(Forest(0.9), cache).Compilations);
        Assert.Equal(2, Directory.GetFiles(cache.Directory, "*.dll.rlc").Length);
        // Without a cache every load compiles.
        Assert.Equal(1, Solve(model, null).Compilations);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void A_damaged_entry_is_compiled_again_and_repaired(string damage)
    {
        var cache = NewCache();
        var model = Forest();
        var (expected, _) = Solve(model, cache);
        var path = EntryPath(cache);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated": File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray()); break;
            case "flipped": bytes[bytes.Length - 100] ^= 0x40; File.WriteAllBytes(path, bytes); break;
            case "empty": File.WriteAllBytes(path, Array.Empty<byte>()); break;
            default: File.WriteAllText(path, "not an assembly"); break;
        }
        var (values, compiled) = Solve(model, cache);
        Assert.Equal(1, compiled);
        Assert.Equal(expected, values);
        // The entry was written again, whole: the next load is a hit.
        Assert.Equal(0, Solve(model, cache).Compilations);
    }

    [Fact]
    public void Concurrent_loads_of_one_model_all_succeed_and_leave_one_whole_entry()
    {
        var cache = NewCache();
        var model = Forest();
        var (expected, _) = Solve(model, null);
        var results = new double[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = Solve(model, cache).Values);
        Assert.All(results, r => Assert.Equal(expected, r));
        EntryPath(cache);
        Assert.Empty(Directory.GetFiles(cache.Directory, "*.tmp"));
        Assert.Equal(0, Solve(model, cache).Compilations);
    }

    [Fact]
    public void An_unwritable_cache_directory_does_not_fail_the_solve()
    {
        // A file where the directory should be: creating the directory fails, the model is compiled as without a cache.
        var blocker = Path.Combine(Path.GetTempPath(), "rlspec-cache-blocker-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(blocker, "");
        var cache = new ModelAssemblyCache(Path.Combine(blocker, "models"));
        var model = Forest();
        Assert.Equal(1, Solve(model, cache).Compilations);
        Assert.Equal(1, Solve(model, cache).Compilations);
    }

    [Fact]
    public async Task Two_concurrent_cli_processes_share_the_cache()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rlspec-cache-cli-" + Guid.NewGuid().ToString("N"));
        var forest = Path.Combine(Paths.Examples, "forest.rlspec");
        async Task<(int Code, string Out, string Err)> Run(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Paths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(typeof(RlSpec.Cli.Program).Assembly.Location);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment["RLSPEC_CACHE_DIR"] = dir;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            return (process.ExitCode, await stdout, await stderr);
        }
        var both = await Task.WhenAll(Run("solve", forest, "--format", "json"), Run("solve", forest, "--format", "json"));
        Assert.All(both, r => Assert.True(r.Code == 0, r.Err));
        Assert.Single(Directory.GetFiles(dir, "*.dll.rlc"));
        // A third run reads the entry; --no-cache compiles afresh; all three print the same values.
        var cached = await Run("solve", forest, "--format", "json");
        var fresh = await Run("solve", forest, "--format", "json", "--no-cache");
        Assert.Equal(0, cached.Code);
        Assert.Equal(0, fresh.Code);
        static string Values(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("values").GetRawText();
        Assert.Equal(Values(both[0].Out), Values(both[1].Out));
        Assert.Equal(Values(both[0].Out), Values(cached.Out));
        Assert.Equal(Values(both[0].Out), Values(fresh.Out));
    }
}
