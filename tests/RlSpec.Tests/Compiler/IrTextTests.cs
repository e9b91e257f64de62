using System.Linq;
using RlSpec.Compiler;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// What lowering puts into the IR shows in the emitted code: comments quote the rule text exactly as
/// written (taken from the source once), and operators over literals are folded.
/// </summary>
public class IrTextTests
{
    private static string Emit(string text)
    {
        var result = RlSpecCompiler.Compile("ir.rlspec", text);
        Assert.Empty(result.Diagnostics);
        return result.Models.Single().Source;
    }

    [Fact]
    public void Comments_quote_rules_outcomes_and_rewards_as_written()
    {
        var source = Emit("""
            mdp Spacing {
              param N = 4
              let up = min(s+1, N-1)
              state s in 0..N-1
              action go
              discount 0.9
              go   when s<N-1 :   s' = up @ 0.5
                                | stay @ 0.5
              go: stay
              reward go when s==N-1: 2*N
            }
            """);
        // Whitespace runs (line breaks too) become one space, so a comment stays on one line.
        Assert.Contains("// Rule: go when s<N-1 (line 7).", source);
        Assert.Contains("// Outcome: s' = up @ 0.5.", source);
        Assert.Contains("// Outcome: stay @ 0.5.", source);
        Assert.Contains("// reward go when s==N-1: 2*N (line 10)", source);
    }

    [Fact]
    public void Operators_over_literals_are_folded_and_parameters_are_not()
    {
        var source = Emit("""
            mdp Folded {
              param p = 0.5
              state s in 0..1
              action go
              discount 0.9
              go: s' = 1 @ 1 - 0.25 | s' = 0 @ 0.25 * (p + 0.5)
              reward go: 2 * 3 + p
              reward go when s == 0: 7 % 3 + 7 % -3
            }
            """);
        Assert.Contains("double probability = 0.75;", source);
        Assert.Contains("0.25 * (_p + 0.5)", source);
        Assert.Contains("reward += 6 + _p;", source);
        // A remainder by a negative number is left to the runtime's Mod, whose sign rule C# defines.
        Assert.Contains("reward += 1 + global::RlSpec.Runtime.Modeling.Functions.Mod(7, -3);", source);
    }
}
