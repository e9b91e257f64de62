using System;
using System.Linq;
using RlSpec.Runtime.Experiments;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

public class LaiRobbinsTests
{
    [Fact]
    public void The_constant_for_arms_0_1_to_0_9_is_7_52()
    {
        // The (and SMPyBandits') value for 9 Bernoulli arms 0.1, ..., 0.9.
        var means = Enumerable.Range(1, 9).Select(i => 0.1 * i).ToArray();
        Assert.Equal(7.52, LaiRobbins.BernoulliConstant(means), 2);
    }

    [Fact]
    public void Two_arms_by_hand()
    {
        // kl(0.5, 0.9) = 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) = 0.5 ln(25/9); C = 0.4 / kl.
        double kl = 0.5 * Math.Log(25.0 / 9.0);
        Assert.Equal(0.4 / kl, LaiRobbins.BernoulliConstant([0.9, 0.5]), 14);
        Assert.Equal(0, LaiRobbins.BernoulliConstant([0.5, 0.5]));
        var curve = LaiRobbins.Curve([0.9, 0.5], [1.0, 100.0]);
        Assert.Equal(0, curve[0]);
        Assert.Equal(0.4 / kl * Math.Log(100), curve[1], 12);
    }

    [Fact]
    public void Arms_with_a_mean_of_0_or_1_are_finite_and_out_of_range_means_refused()
    {
        // kl(0, q) = ln(1/(1-q)).
        Assert.Equal(0.5 / Math.Log(2), LaiRobbins.BernoulliConstant([0.0, 0.5]), 14);
        Assert.Throws<ArgumentOutOfRangeException>(() => LaiRobbins.BernoulliConstant([1.2, 0.5]));
    }
}
