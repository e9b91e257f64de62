using System;
using System.Linq;
using System.Reflection;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// Small models that together use every construct of the language, compiled to C# and then by Roslyn
/// (the CLI's host), validated, and solved; values are checked against the dense reference.
/// </summary>
public class FeatureModelTests
{
    private static IMdpHost Load(string text)
    {
        var result = RlSpecCompiler.Compile("feature.rlspec", text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var model = Assert.Single(result.Models);
        var loaded = InMemoryModelCompiler.Load(model);
        Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
        Assert.Empty(loaded.MdpHost!.Validate());
        return loaded.MdpHost;
    }

    /// <summary>Runs <see cref="ReferenceChecks.CheckStationary{T}"/> on the host's concrete model type.</summary>
    private static MdpSolution CheckStationary(IMdpHost host)
    {
        var model = host.GetType().GetProperty("Model")!.GetValue(host)!;
        var check = typeof(ReferenceChecks).GetMethod(nameof(ReferenceChecks.CheckStationary))!.MakeGenericMethod(model.GetType());
        try
        {
            return (MdpSolution)check.Invoke(null, new[] { model })!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            throw ex.InnerException;
        }
    }

    [Fact]
    public void Enums_booleans_several_variables_and_a_default_rule()
    {
        var host = Load(@"
mdp Lights {
  state light in {red, amber, green}, waiting : bool
  action go, wait
  discount 0.8
  go when light == green:    waiting' = false
  wait when light == red:    light' = green @ 0.5 | stay @ 0.5
  wait when light == amber:  light' = red
  default:                   light' = amber, waiting' = true
  reward go when light == green && waiting: 2
  reward go when light == green:            1
  reward wait:                              -0.1
}");
        Assert.Equal(6, host.StateCount);
        Assert.Equal("(light=red, waiting=false)", host.StateLabels[0]);
        Assert.Equal("(light=green, waiting=true)", host.StateLabels[5]);
        CheckStationary(host);
    }

    [Fact]
    public void Explicit_transition_and_reward_tables()
    {
        // pymdptoolbox's example.small(): P[a][s][s'], R[s][a].
        var host = Load(@"
mdp Small {
  state s in 0..1
  action a0, a1
  discount 0.9
  transition a0 = [[0.5, 0.5], [0.8, 0.2]]
  transition a1 = [[0, 1], [0.1, 0.9]]
  reward = [[5, 10], [-1, 2]]
}");
        var solution = CheckStationary(host);
        Assert.Equal(new[] { "a1", "a0" }, solution.Policy.Select(solution.ActionName));
    }

    [Fact]
    public void Random_variables_families_sums_lists_powers_and_remainders()
    {
        var host = Load(@"
mdp Stock {
  param n = 6, p = 0.3
  state k in 0..n
  action stock(q in 0..2) when k + q <= n
  discount 0.9
  let died ~ binomial(2, p)
  let weights = [2^i for i in 0..n]
  stock(q): k' = max(k + q - died, 0)
  reward stock(q): sum(i in 0..k, 1.0 / weights[i]) - 0.2 * q + (if k % 2 == 0 then 0.1 else 0)
  reward stock(q) when k' == n: 0.5
}");
        Assert.Equal(3, host.ActionCount);
        Assert.Equal("stock(2)", host.ActionNames[2]);
        CheckStationary(host);
    }

    [Fact]
    public void Terminal_states_in_a_discounted_model()
    {
        var host = Load(@"
mdp Walk {
  param N = 8
  state x in 0..N
  action step
  discount 0.95
  until x == 0 || x == N
  step: x' = x - 1 @ 0.5 | x' = x + 1 @ 0.5
  reward step when x' == N: 1
}");
        var solution = CheckStationary(host);
        Assert.Equal(0, solution.Values[0]);
        Assert.Equal(-1, solution.Policy[0]);
    }

    [Fact]
    public void Step_index_in_a_finite_horizon_model()
    {
        var host = Load(@"
mdp Deadline {
  param H = 6
  state s in 0..3
  action push, rest
  horizon H
  push when t < H - 2: s' = min(s + 1, 3) @ 0.7 | stay @ 0.3
  push:                stay
  rest:                stay
  reward push:                      -0.1
  reward when s == 3 && t == H - 1: 10
}");
        var model = host.GetType().GetProperty("Model")!.GetValue(host)!;
        var solution = host.Solve();
        var from = typeof(DenseReference).GetMethod(nameof(DenseReference.From))!.MakeGenericMethod(model.GetType());
        var reference = DenseReference.FiniteHorizon(t => (DenseReference)from.Invoke(null, new object[] { model, t })!, 6)[0];
        for (int s = 0; s < 4; s++) Assert.True(Math.Abs(solution.Values[s] - reference[s]) <= 1e-12, $"s={s}");
        // Pushing is only worth it while there is time: at the last steps resting is best.
        Assert.Equal("rest", solution.ActionName(solution.PolicyByStep![5, 0]));
        Assert.Equal("push", solution.ActionName(solution.PolicyByStep![0, 0]));
    }

    [Fact]
    public void Average_reward_finds_the_best_cycle()
    {
        var host = Load(@"
mdp Cycle {
  state s in 0..2
  action go, linger
  average
  go:     s' = (s + 1) % 3
  linger: stay
  reward go when s == 2:     3
  reward linger when s == 1: 0.5
}");
        var solution = host.Solve();
        // Going round pays 3 every 3 steps (gain 1); lingering in s = 1 pays 0.5.
        Assert.Equal(1.0, solution.Gain!.Value, 8);
        Assert.True(solution.ErrorBound <= 1e-8);
    }

    [Fact]
    public void Uniform_categorical_and_clamped_random_variables_with_a_reward_distribution()
    {
        var host = Load(@"
mdp Dice {
  state pos in 0..9
  action roll, bet
  discount 0.9
  let die ~ uniform(1, 3)
  let jump ~ categorical([0.2, 0.5, 0.3])
  let far ~ geometric(0.5) clamped 0..4
  roll: pos' = (pos + die) % 10
  bet:  pos' = min(pos + jump + far, 9)
  reward roll: bernoulli(0.25)
  reward bet:  normal(-0.1, 2)
  reward when pos == 9: 1
}");
        CheckStationary(host);
    }
}
