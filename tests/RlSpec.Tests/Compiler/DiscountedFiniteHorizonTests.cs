using System;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Mdp;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// `horizon H` with `discount g` (pymdptoolbox's FiniteHorizon, issue 6) compiles to
/// Criterion.FiniteHorizon(H, g); values are checked against a plain discounted backward recursion
/// written out in the test.
/// </summary>
public class DiscountedFiniteHorizonTests
{
    private const string Text = @"
mdp Climb {
  state s in 0..2
  action hold, up
  horizon 4
  discount 0.8
  up:   s' = min(s + 1, 2) @ 0.6 | stay @ 0.4
  hold: stay
  reward hold when s == 2: 1
  reward up: -0.1
}";

    [Fact]
    public void Values_match_a_discounted_backward_recursion()
    {
        var result = RlSpecCompiler.Compile("climb.rlspec", Text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var host = InMemoryModelCompiler.Load(Assert.Single(result.Models)).MdpHost!;
        Assert.Equal(Criterion.FiniteHorizon(4, 0.8), host.Criterion);
        Assert.Empty(host.Validate());
        var solution = host.Solve();

        // V_H = 0; V_t(s) = max(hold: [s == 2] + g V_{t+1}(s), up: -0.1 + g (0.6 V_{t+1}(min(s+1, 2)) + 0.4 V_{t+1}(s))).
        const double g = 0.8;
        var v = new double[3];
        for (int t = 3; t >= 0; t--)
        {
            var next = new double[3];
            for (int s = 0; s < 3; s++)
            {
                double hold = (s == 2 ? 1 : 0) + g * v[s];
                double up = -0.1 + g * (0.6 * v[Math.Min(s + 1, 2)] + 0.4 * v[s]);
                next[s] = Math.Max(hold, up);
            }
            v = next;
        }
        for (int s = 0; s < 3; s++) Assert.True(Math.Abs(solution.Values[s] - v[s]) <= 1e-12, $"s={s}: {solution.Values[s]} vs {v[s]}");
        // The discount matters here: undiscounted, the value at s = 2 would be 4.
        Assert.True(Math.Abs(solution.Values[2] - (1 + g + g * g + g * g * g)) <= 1e-12);
    }

    [Fact]
    public void A_discount_above_one_with_a_horizon_is_an_error()
    {
        var result = RlSpecCompiler.Compile("climb.rlspec", Text.Replace("discount 0.8", "discount 1.5"));
        Assert.Contains(result.Diagnostics, d => d.Id == "RLS0204");
    }
}
