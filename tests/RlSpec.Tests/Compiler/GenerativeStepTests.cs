using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// The emitted generative step of every example (examples/*.rlspec, compiled in memory with Roslyn as
/// the CLI does) agrees with its exact side: for every (state, action) of the small examples and 200
/// pairs drawn with a fixed seed from the large ones, 100,000 draws of Sample are compared with the
/// probabilities of Transitions by chi-square and with the expected reward by a mean test
/// (<see cref="GenerativeCheck"/>). The family level 1e-3 is split (Bonferroni) over at most 200 pairs
/// per example, a bound on the number of pairs tested. A sampler with one probability off by 0.01 fails.
/// </summary>
public class GenerativeStepTests
{
    private const int Samples = 100_000, MaxPairs = 200;
    private const ulong Seed = 20261129;

    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(Paths.Examples, "*.rlspec").Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0]);

    private static int ExampleCount => Directory.GetFiles(Paths.Examples, "*.rlspec").Length;

    private static (object Model, Type Type, string Source) Load(string file)
    {
        var result = RlSpecCompiler.Compile("examples/" + file, File.ReadAllText(Path.Combine(Paths.Examples, file)));
        Assert.Empty(result.Diagnostics);
        var generated = Assert.Single(result.Models);
        var loaded = InMemoryModelCompiler.Load(generated);
        Assert.Empty(loaded.Errors);
        var host = loaded.Host!;
        var model = host.GetType().GetProperty("Model")!.GetValue(host)!;
        Assert.IsAssignableFrom<IGenerativeMdp>(model);
        return (model, model.GetType(), generated.Source);
    }

    private static T Call<T>(string method, Type model, params object[] args) =>
        (T)typeof(GenerativeStepTests).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(model).Invoke(null, args)!;

    private static GenerativeCheck.Report Check<TModel>(TModel model, double pairLevel) where TModel : struct, IGenerativeMdp =>
        GenerativeCheck.Run(model, GenerativeCheck.ChoosePairs(model, MaxPairs, Seed), Samples, Seed, pairLevel);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Sampled_steps_match_the_exact_transitions(string file)
    {
        var (model, type, _) = Load(file);
        var report = Call<GenerativeCheck.Report>(nameof(Check), type, model, ChiSquare.Bonferroni(1e-3, MaxPairs * ExampleCount));
        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Pairs, p => p.Available);
    }

    /// <summary>Constructs the examples lack: transition and reward tables; a default rule; time-dependent
    /// probabilities; random variables in a guarded rule; reward distributions (normal with a state-dependent
    /// mean, categorical, truncated and clamped ones, one that depends on the successor).</summary>
    private static readonly Dictionary<string, string> FeatureModels = new()
    {
        ["tables"] = """
            mdp Tables {
              state s in 0..2
              action a0, a1
              discount 0.9
              transition a0 = [[0.5, 0.5, 0], [0.1, 0.2, 0.7], [0, 0, 1]]
              transition a1 = [[0, 1, 0], [0.3, 0.3, 0.4], [0.25, 0.25, 0.5]]
              reward = [[5, 10], [-1, 2], [0, 1]]
            }
            """,
        ["rewards"] = """
            mdp Rewards {
              param n = 4
              state s in 0..n
              action go, hold, pick(k in 0..2)
              horizon 5
              let coin ~ bernoulli(0.3)
              let d ~ binomial(3, 0.4)
              go when s < n: s' = s + 1 @ 0.5 + 0.05 * (t % 2) | stay @ 0.5 - 0.05 * (t % 2)
              hold when s == 0: s' = min(s + coin + d, n)
              pick(k): s' = (s + k) % (n + 1) @ 0.6 | s' = 0 @ 0.4
              default: stay
              reward go: normal(s, 2)
              reward hold: categorical([0.2, 0.3, 0.5])
              reward pick(k): binomial(4, 0.5) truncated 1..3
              reward pick(k) when s' == 0: 1.5 * k
              reward hold when s' > s: poisson(2) clamped 0..3
            }
            """,
    };

    public static TheoryData<string> FeatureModelNames => new(FeatureModels.Keys);

    [Theory]
    [MemberData(nameof(FeatureModelNames))]
    public void Feature_models_sample_like_their_exact_side(string name)
    {
        var result = RlSpecCompiler.Compile(name + ".rlspec", FeatureModels[name]);
        Assert.Empty(result.Diagnostics);
        var generated = Assert.Single(result.Models);
        var loaded = InMemoryModelCompiler.Load(generated);
        Assert.Empty(loaded.Errors);
        var model = loaded.Host!.GetType().GetProperty("Model")!.GetValue(loaded.Host)!;
        var report = Call<GenerativeCheck.Report>(nameof(Check), model.GetType(), model, ChiSquare.Bonferroni(1e-3, MaxPairs * FeatureModels.Count));
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(0L, Call<long>(nameof(Allocated), model.GetType(), model));
    }

    [Theory]
    [InlineData("inventory.rlspec", "_demand")]
    [InlineData("car-rental.rlspec", "_requests1", "_requests2", "_returns1", "_returns2")]
    public void Random_variables_are_drawn_directly_not_enumerated(string file, params string[] fields)
    {
        var (_, _, source) = Load(file);
        // The generative part of the struct: from Sample to the initial distribution.
        int start = source.IndexOf("public int Sample(", StringComparison.Ordinal);
        int end = source.IndexOf("public void Initial<", start, StringComparison.Ordinal);
        var sample = source[start..end];
        foreach (var field in fields) Assert.Contains($"{field}.Sample(ref random)", sample);
        Assert.DoesNotContain(".Pmf[", sample);
        Assert.DoesNotContain("for (", sample);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Sampling_allocates_nothing(string file)
    {
        var (model, type, _) = Load(file);
        Assert.Equal(0L, Call<long>(nameof(Allocated), type, model));
    }

    private static long Allocated<TModel>(TModel model) where TModel : struct, IGenerativeMdp
    {
        var random = RandomStream.Create(Seed, 1);
        long sink = 0;
        void Run(int draws, ref RandomStream r)
        {
            for (int i = 0; i < draws; i++)
            {
                int s = r.NextInt(model.StateCount), a = r.NextInt(model.ActionCount);
                sink += model.Sample(s, a, 0, ref r, out double reward) + (long)reward;
            }
        }
        long allocated = RlSpec.Tests.Infrastructure.Allocations.Least(() => Run(20_000, ref random), warmUp: () => Run(2000, ref random));
        GC.KeepAlive(sink);
        return allocated;
    }

    [Fact]
    public void Negative_control_the_check_rejects_a_sampler_with_one_probability_off_by_001()
    {
        // The emitted car rental's exact side, sampled by a table whose row (n1=3, n2=2), move(0) has 0.01
        // moved between two successors; the same check and level as above must reject it, and only it.
        var (model, type, _) = Load("car-rental.rlspec");
        var wrapperType = typeof(TabularSampler<>).MakeGenericType(type);
        int state = 3 * 6 + 2, action = 2;
        var wrapper = Activator.CreateInstance(wrapperType, model, state, action, 0.01)!;
        var pairs = new List<GenerativeCheck.Pair> { new(state, action, 0), new(0, 2, 0), new(35, 4, 0), new(14, 1, 0) };
        var report = (GenerativeCheck.Report)typeof(GenerativeCheck).GetMethod(nameof(GenerativeCheck.Run))!.MakeGenericMethod(wrapperType)
            .Invoke(null, new object[] { wrapper, pairs, Samples, Seed, ChiSquare.Bonferroni(1e-3, MaxPairs * ExampleCount) })!;
        var failure = Assert.Single(report.Failures);
        Assert.Equal(state, failure.Pair.State);
        Assert.Contains("successor frequencies", failure.Failure);
    }
}
