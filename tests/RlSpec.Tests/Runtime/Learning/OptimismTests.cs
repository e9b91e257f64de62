using System;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning;

/// <summary>UCBVI's upper values stay above V* (exact, from the runtime's backward induction), and its policy becomes optimal.</summary>
public class OptimismTests
{
    private const int H = 4;

    private static (int Violations, double LeastSlack) Play<TAlgorithm>(TinyMdp mdp, ref TAlgorithm algorithm, long episodes,
        Func<TAlgorithm, int, int, double> value, Func<TAlgorithm, int, int, int, double>? q = null) where TAlgorithm : struct, IEpisodicAlgorithm
    {
        double[][] optimal = mdp.OptimalValues(H);
        var env = RandomStream.Create(17, 0);
        var random = RandomStream.Create(17, 1);
        int violations = 0;
        for (long k = 1; k <= episodes; k++)
        {
            algorithm.BeginEpisode(k, ref random);
            for (int h = 0; h < H; h++)
                for (int s = 0; s < mdp.S; s++)
                    if (value(algorithm, h, s) < optimal[h][s] - 1e-12) violations++;
            int state = 0;
            for (int h = 0; h < H; h++)
            {
                int a = algorithm.Act(h, state, ref random);
                var (r, next) = mdp.Step(state, a, ref env);
                algorithm.Observe(h, state, a, r, next);
                state = next;
            }
            algorithm.EndEpisode();
        }
        // The largest distance of a final upper value below its clip H − h: positive means some bound is not the clip.
        double slack = double.NegativeInfinity;
        for (int h = 0; h < H; h++)
            for (int s = 0; s < mdp.S; s++)
                for (int a = 0; a < mdp.A; a++)
                    if (mdp.Available[s * mdp.A + a])
                        slack = Math.Max(slack, (H - h) - (q is null ? value(algorithm, h, s) : q(algorithm, h, s, a)));
        return (violations, slack);
    }

    [Fact]
    public void Ucbvi_bernstein_upper_values_dominate_the_optimal_values()
    {
        var mdp = TinyMdp.Random();
        const long K = 5000;
        var algorithm = new UcbviBernstein(1.0);
        algorithm.Reset(mdp.Setup(H, K));
        var (violations, last) = Play(mdp, ref algorithm, K, (x, h, s) => x.Value(h, s));
        Assert.Equal(0, violations);
        Assert.True(last > 0.05, $"every upper value is within {last} of its clip H − h: the check would be vacuous");

        // The check can fail: without a bonus (certainty equivalence) the upper values dip below V*.
        var greedy = new UcbviBernstein(0.0);
        greedy.Reset(mdp.Setup(H, K));
        Assert.True(Play(mdp, ref greedy, 300, (x, h, s) => x.Value(h, s)).Violations > 0);
    }

    [Fact]
    public void Ucbvi_hoeffding_upper_values_dominate_the_optimal_values()
    {
        var mdp = TinyMdp.Random();
        const long K = 3000;
        var algorithm = new UcbviHoeffding(0.02);
        algorithm.Reset(mdp.Setup(H, K));
        var (violations, last) = Play(mdp, ref algorithm, K, (x, h, s) => x.Value(h, s), (x, h, s, a) => x.QValue(h, s, a));
        Assert.Equal(0, violations);
        Assert.True(last > 0.05, $"every upper Q value is within {last} of its clip H − h: the check would be vacuous");
    }

    [Fact]
    public void Mvp_upper_values_dominate_the_optimal_values()
    {
        var mdp = TinyMdp.Random();
        const long K = 3000;
        var algorithm = new Mvp(0.02);
        algorithm.Reset(mdp.Setup(H, K));
        // MVP works in units of H: compare H·V with V*.
        var (violations, last) = Play(mdp, ref algorithm, K, (x, h, s) => H * x.Value(h, s));
        Assert.Equal(0, violations);
        Assert.True(last > 0.05, $"every upper value is within {last} of its clip: the check would be vacuous");
    }

    [Fact]
    public void Ucbvi_bernstein_greedy_policy_becomes_optimal_on_a_tiny_mdp()
    {
        // Two states, two actions, clear gaps: from state 0 staying (reward 0.9) is optimal, leaving (0.1) is not.
        var p = new double[2, 2, 2];
        p[0, 0, 0] = 0.8; p[0, 0, 1] = 0.2; p[0, 1, 1] = 0.9; p[0, 1, 0] = 0.1;
        p[1, 0, 1] = 0.7; p[1, 0, 0] = 0.3; p[1, 1, 0] = 0.6; p[1, 1, 1] = 0.4;
        var mdp = new TinyMdp(p, new double[,] { { 0.9, 0.1 }, { 0.2, 0.3 } }, [true, true, true, true]);
        const long K = 20_000;
        var algorithm = new UcbviBernstein(1.0);
        algorithm.Reset(mdp.Setup(H, K));
        Play(mdp, ref algorithm, K, (x, h, s) => double.PositiveInfinity);
        double optimal = mdp.OptimalValues(H)[0][0];
        var copy = algorithm;
        double played = mdp.PolicyValue((h, s) => copy.Act(h, s, ref Unused), H);
        Assert.True(Math.Abs(optimal - played) <= 1e-12, $"greedy policy value {played:R}, optimal {optimal:R}");
    }

    private static RandomStream Unused = RandomStream.Create(0, 0);
}
