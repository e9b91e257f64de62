using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// `1 - 0.3 - 0.4 - 0.3` is -5.55e-17 in floating point (issue 6): the compiler's constant checks and
/// the runtime validator allow rounding of 1e-9 (docs/diagnostics.md), and still reject real negatives.
/// </summary>
public class ProbabilityRoundingTests
{
    private static string Model(string last) => $@"
mdp Rounding {{
  state s in 0..3
  action go
  discount 0.9
  go: s' = 0 @ 0.3 | s' = 1 @ 0.4 | s' = 2 @ 0.3 | s' = 3 @ {last}
  reward go: s
}}";

    [Fact]
    public void A_constant_probability_that_rounding_made_negative_is_accepted()
    {
        Assert.True(1 - 0.3 - 0.4 - 0.3 < 0); // the premise: binary rounding makes it negative
        var result = RlSpecCompiler.Compile("rounding.rlspec", Model("1 - 0.3 - 0.4 - 0.3"));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_negative_constant_probability_beyond_the_allowance_is_still_an_error()
    {
        var result = RlSpecCompiler.Compile("rounding.rlspec", Model("-0.000001 + 0.000001 * 0"));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.NegativeProbability);
    }

    [Fact]
    public void The_validator_accepts_a_state_dependent_probability_that_rounding_made_negative()
    {
        // Reading s keeps the probability out of the compiler's constant checks: the validator decides.
        var result = RlSpecCompiler.Compile("rounding.rlspec", Model("(if s >= 0 then 1 - 0.3 - 0.4 - 0.3 else 0)"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var host = InMemoryModelCompiler.Load(Assert.Single(result.Models)).MdpHost!;
        Assert.Empty(host.Validate());

        var negative = RlSpecCompiler.Compile("rounding.rlspec", Model("(if s >= 0 then 0.3 - 0.4 + 0.1 - 0.000001 else 0)").Replace("s' = 1 @ 0.4", "s' = 1 @ 0.400001"));
        var bad = InMemoryModelCompiler.Load(Assert.Single(negative.Models)).MdpHost!;
        Assert.Contains(bad.Validate(), e => e.Id == "RLS0301");
    }
}
