using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using RlSpec.Compiler;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// Deep and long input never crashes the compiler: real nesting beyond the documented limit of 256
/// levels gives one located RLS0004 before any recursive stage runs, the deepest allowed input of
/// every kind compiles on a thread with a 1 MB stack, and flat operator chains of any length compile.
/// </summary>
public class DeepInputTests
{
    private const int Limit = 256;

    /// <summary>A model whose reward is <paramref name="expression"/>; the expression starts on line 6, column 11.</summary>
    public static string Model(string expression) =>
        "mdp M {\n  state s in 0..2\n  action a\n  discount 0.9\n  a: stay\n  reward: " + expression + "\n}\n";

    /// <summary>Each way to nest: builds an expression nested <c>depth</c> times.</summary>
    public static readonly Dictionary<string, Func<int, string>> Kinds = new()
    {
        ["parentheses"] = d => new string('(', d) + "1" + new string(')', d),
        ["list brackets"] = d => "len(" + new string('[', d) + "1" + new string(']', d) + ")",
        ["nested if"] = d => string.Concat(Enumerable.Repeat("if s > 0 then ", d)) + "1" + string.Concat(Enumerable.Repeat(" else 2", d)),
        ["else-if chain"] = d => string.Concat(Enumerable.Range(0, d).Select(i => $"if s == {i} then {i} else ")) + "0",
        ["if in conditions"] = d => string.Concat(Enumerable.Repeat("if ", d)) + "true" + string.Concat(Enumerable.Repeat(" then true else false", d - 1)) + " then 1 else 0",
        ["unary minus"] = d => new string('-', d) + "1",
        ["negation"] = d => "if " + new string('!', d) + "true then 1 else 0",
        ["power chain"] = d => string.Join(" ^ ", Enumerable.Repeat("1", d + 1)),
        ["index chain"] = d => new string('[', d) + "1" + new string(']', d) + string.Concat(Enumerable.Repeat("[0]", d)),
        ["calls"] = d => string.Concat(Enumerable.Repeat("abs(", d)) + "1" + new string(')', d),
    };

    public static IEnumerable<object[]> KindNames() => Kinds.Keys.Select(k => new object[] { k });

    /// <summary>Runs <paramref name="action"/> on a thread with a 1 MB stack, as a build server's worker might have.</summary>
    public static T OnSmallStack<T>(Func<T> action)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = action(); }
            catch (Exception e) { error = e; }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        if (error != null) throw new Exception("the compile threw", error);
        return result;
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Twenty_thousand_levels_give_one_located_diagnostic(string kind)
    {
        var result = OnSmallStack(() => RlSpecCompiler.Compile("deep.rlspec", Model(Kinds[kind](20_000))));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RLS0004", d.Id);
        Assert.Equal(6, d.Span.Line);
        Assert.True(d.Span.Column > 11, $"the diagnostic should point inside the expression, not at column {d.Span.Column}");
        Assert.Contains("256", d.Message);
        Assert.Empty(result.Models);
    }

    /// <summary>The largest depth of this kind that the limit lets through, found by bisection.</summary>
    public static int DeepestAllowed(string kind)
    {
        int lo = 1, hi = 4 * Limit;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            var tooDeep = RlSpecCompiler.Compile("deep.rlspec", Model(Kinds[kind](mid))).Diagnostics.Any(d => d.Id == "RLS0004");
            if (tooDeep) hi = mid - 1; else lo = mid;
        }
        return lo;
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_deepest_allowed_input_compiles_on_a_1_MB_stack(string kind)
    {
        int lo = DeepestAllowed(kind);
        // The limit is tight: within a few levels of 256 (the model's braces and the reward's own context count).
        Assert.InRange(lo, Limit / 2 - 2, Limit);
        var result = OnSmallStack(() => RlSpecCompiler.Compile("deep.rlspec", Model(Kinds[kind](lo))));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("RLS99") || d.Id == "RLS0004");
        var deeper = RlSpecCompiler.Compile("deep.rlspec", Model(Kinds[kind](lo + 1)));
        Assert.Equal("RLS0004", Assert.Single(deeper.Diagnostics).Id);
    }

    [Fact]
    public void Many_separate_ifs_and_signs_are_not_nesting()
    {
        // 3,000 list elements, 3,000 rewards and a 3,000-term sum, each with an `if`, a sign and a power.
        var elements = string.Join(", ", Enumerable.Range(0, 3000).Select(i => $"if {i} > 5 then -{i} else 2 ^ 2"));
        var sum = string.Join(" + ", Enumerable.Range(0, 3000).Select(i => $"(if s == {i % 3} then -s ^ 2 else [1, 2, 3][s]) * -2"));
        var rewards = new StringBuilder();
        for (int i = 0; i < 3000; i++) rewards.Append($"  reward when s == {i % 3}: if s > 0 then -1 else -s ^ 2\n");
        var text = "mdp M {\n  state s in 0..2\n  action a\n  discount 0.9\n  a: stay\n  let l = [" + elements + "]\n" +
                   "  reward: l[s] + " + sum + "\n" + rewards + "}\n";
        var result = RlSpecCompiler.Compile("flat.rlspec", text);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData(" + ")]
    [InlineData(" - ")]
    [InlineData(" * ")]
    public void A_flat_chain_of_10_000_terms_compiles_on_a_1_MB_stack(string op)
    {
        var text = Model(string.Join(op, Enumerable.Repeat("1", 10_000)));
        var result = OnSmallStack(() => RlSpecCompiler.Compile("long.rlspec", text));
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Models);
    }

    [Fact]
    public void A_chain_folds_its_literal_prefix_as_the_left_deep_tree_would()
    {
        // ((((1 + 2) + 3) + p) + 4): the prefix 1 + 2 + 3 folds to 6; after p nothing folds (C# adds left to right).
        var text = "mdp M {\n  param p = 0.5\n  state s in 0..2\n  action a\n  discount 0.9\n  a: stay\n  reward: 1 + 2 + 3 + p + 4\n  reward when s == 0: 10 - 2 * 3 - 7 % -3\n}\n";
        var source = RlSpecCompiler.Compile("fold.rlspec", text).Models.Single().Source;
        Assert.Contains("reward += 6 + _p + 4;", source);
        // 2 * 3 folds; the remainder by a negative number is left to the runtime, so the chain stops there.
        Assert.Contains("reward += 4 - global::RlSpec.Runtime.Modeling.Functions.Mod(7, -3);", source);
    }

    [Fact]
    public void A_flat_boolean_chain_of_10_000_terms_compiles()
    {
        var guard = string.Join(" && ", Enumerable.Range(0, 10_000).Select(i => "s < 3")) + " || " +
                    string.Join(" || ", Enumerable.Repeat("s == 1", 10_000));
        var text = "mdp M {\n  state s in 0..2\n  action a\n  discount 0.9\n  a: stay\n  reward when " + guard + ": 1\n}\n";
        var result = OnSmallStack(() => RlSpecCompiler.Compile("long.rlspec", text));
        Assert.Empty(result.Diagnostics);
    }
}
