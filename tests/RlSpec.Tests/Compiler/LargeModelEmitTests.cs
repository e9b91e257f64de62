using System;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// Models with many <c>reward</c> lines (issue 6: compile time must grow linearly with the model's size). The
/// C# compiler's time on one method grows faster than linearly with its length, so the emitter puts an
/// action's fixed rewards into methods of at most <c>MdpEmitter.RewardChunkSize</c> terms. These tests check
/// that no emitted method holds more, and that the split model still has exactly the rewards of the source,
/// in the exact solver and in the generative step.
/// </summary>
public class LargeModelEmitTests
{
    private const int Chunk = 256;
    private const int States = 11, Terms = 700;

    /// <summary>Action <c>a</c> moves right with 700 guarded rewards; <c>b</c> stays with 300 unguarded ones.</summary>
    private static string Model()
    {
        var text = new StringBuilder("mdp Big {\n  param N = 10\n  state s in 0..N\n  action a, b\n  discount 0.9\n  a: s' = min(s + 1, N)\n  b: stay\n");
        for (int k = 0; k < Terms; k++) text.Append($"  reward a when s == {k % States}: {k}.5 * s + {k}\n");
        for (int k = 0; k < 300; k++) text.Append($"  reward b: 0.001 * s\n");
        return text.Append("}\n").ToString();
    }

    /// <summary>The rewards of the source, summed here in source order: r[s, action].</summary>
    private static double[,] Rewards()
    {
        var r = new double[States, 2];
        for (int s = 0; s < States; s++)
        {
            for (int k = 0; k < Terms; k++) if (k % States == s) r[s, 0] += (k + 0.5) * s + k;
            for (int k = 0; k < 300; k++) r[s, 1] += 0.001 * s;
        }
        return r;
    }

    [Fact]
    public void No_emitted_method_holds_more_reward_terms_than_one_chunk()
    {
        var result = RlSpecCompiler.Compile("big.rlspec", Model());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var code = Assert.Single(result.Models).Source;
        var methods = CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
        // Each term is announced to a validating visitor (Transitions) or adds to `reward` under its comment (Sample).
        foreach (var m in methods)
        {
            string body = m.Body?.ToFullString() ?? "";
            int announced = Count(body, "BeginReward(");
            int commented = Count(body, "// reward ");
            Assert.True(announced <= Chunk && commented <= Chunk, $"{m.Identifier} holds {Math.Max(announced, commented)} reward terms");
        }
        // 700 terms of a make 3 chunks, 300 of b make 2, for Transitions and for Sample each.
        Assert.Equal(10, methods.Count(m => m.Identifier.Text.Contains("Rewards", StringComparison.Ordinal)));
    }

    [Fact]
    public void Split_rewards_give_the_values_and_draws_of_the_source()
    {
        var result = RlSpecCompiler.Compile("big.rlspec", Model());
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models));
        Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
        var host = loaded.MdpHost!;
        var r = Rewards();

        // The exact side: value iteration written here, on the chain a: s -> min(s+1, N), b: stay.
        var v = new double[States];
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            var next = new double[States];
            for (int s = 0; s < States; s++)
                next[s] = Math.Max(r[s, 0] + 0.9 * v[Math.Min(s + 1, States - 1)], r[s, 1] + 0.9 * v[s]);
            v = next;
        }
        var solution = host.Solve();
        for (int s = 0; s < States; s++)
            Assert.True(Math.Abs(solution.Values[s] - v[s]) <= solution.ErrorBound + 1e-9 * Math.Abs(v[s]), $"V({s}) = {solution.Values[s]}, expected {v[s]}");

        // The generative side: these rewards are deterministic, so every draw is the sum itself, in the same order.
        object model = host.GetType().GetProperty("Model")!.GetValue(host)!;
        var sample = model.GetType().GetMethod("Sample", BindingFlags.Public | BindingFlags.Instance)!;
        for (int s = 0; s < States; s++)
        {
            for (int action = 0; action < 2; action++)
            {
                var args = new object?[] { s, action, 0, RandomStream.Create(1, 0), null };
                int successor = (int)sample.Invoke(model, args)!;
                Assert.Equal(action == 0 ? Math.Min(s + 1, States - 1) : s, successor);
                Assert.Equal(r[s, action], (double)args[4]!);
            }
        }
    }

    private static int Count(string text, string word)
    {
        int n = 0;
        for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
