using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Hosting;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// A `let` may read an action family's index (issue 6): it is expanded in the family's rules and
/// rewards, whatever name the rule head gives the index; used elsewhere it is RLS0124 (golden case).
/// </summary>
public class FamilyIndexLetTests
{
    private static IMdpHost Load(string text)
    {
        var result = RlSpecCompiler.Compile("let-index.rlspec", text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models));
        Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
        Assert.Empty(loaded.MdpHost!.Validate());
        return loaded.MdpHost;
    }

    private const string WithLet = @"
mdp Walk {
  state a in 0..20
  action move(n in -5..5) when a - n >= 0
  discount 0.9
  let a1 = min(a - n, 20)
  let top = a1 == 20
  move(k): a' = a1 @ 0.8 | stay @ 0.2
  reward move(n) when top: 1
  reward move(n): -0.1 * abs(n) + a1 / 100
}";

    // The same model with every let written out: what users had to write before.
    private const string Repeated = @"
mdp Walk {
  state a in 0..20
  action move(n in -5..5) when a - n >= 0
  discount 0.9
  move(k): a' = min(a - k, 20) @ 0.8 | stay @ 0.2
  reward move(n) when min(a - n, 20) == 20: 1
  reward move(n): -0.1 * abs(n) + min(a - n, 20) / 100
}";

    [Fact]
    public void A_let_reading_the_family_index_means_the_same_as_the_expression_written_out()
    {
        var withLet = Load(WithLet).Solve();
        var repeated = Load(Repeated).Solve();
        Assert.Equal(repeated.Values.Length, withLet.Values.Length);
        for (int s = 0; s < repeated.Values.Length; s++)
            Assert.Equal(repeated.Values[s], withLet.Values[s]);
        // The reward for reaching the top is worth moving for: from a = 15 the best move is n = -5.
        Assert.Equal("move(-5)", withLet.ActionName(withLet.Policy[15]));
    }
}
