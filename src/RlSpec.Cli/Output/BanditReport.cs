using System.Globalization;
using System.IO;
using System.Linq;
using RlSpec.Runtime.Bandits;

namespace RlSpec.Cli.Output;

/// <summary>
/// What <c>rlspec solve</c> says about a bandit: there is nothing to solve (its means are known; a learner
/// must find them), so it lists the arms' exact means and the best arm, and points to <c>rlspec run</c>.
/// </summary>
public static class BanditReport
{
    /// <summary>The most arms listed one per line; a larger bandit lists the best ones only.</summary>
    public const int MaxListed = 20;

    public static void Write(TextWriter output, string name, IBandit bandit)
    {
        var c = CultureInfo.InvariantCulture;
        int k = bandit.ArmCount;
        var setting = bandit.Family.ToString().ToLowerInvariant();
        output.WriteLine(string.Create(c, $"{name}: {(setting == "adversarial" ? "an" : "a")} {setting} bandit with {k:N0} arm{(k == 1 ? "" : "s")}{(bandit.Dimension > 0 ? $" in d = {bandit.Dimension}" : "")}."));
        if (bandit.Family == BanditFamily.Adversarial)
        {
            output.WriteLine("Its rewards are set by an adversary step by step, so no arm is best in advance.");
        }
        else
        {
            var order = Enumerable.Range(0, k).OrderByDescending(bandit.Mean).ThenBy(a => a).ToList();
            int best = order[0];
            output.WriteLine(string.Create(c, $"Best arm: {best}, mean {bandit.Mean(best):G10}."));
            var listed = k <= MaxListed ? Enumerable.Range(0, k).ToList() : order.Take(MaxListed).ToList();
            output.WriteLine(k <= MaxListed ? "arm  mean" : string.Create(c, $"The {MaxListed} best arms (of {k:N0}):\narm  mean"));
            foreach (var a in listed) output.WriteLine(string.Create(c, $"{a,3}  {bandit.Mean(a):G10}"));
        }
        output.WriteLine("A bandit is learned, not solved: compare algorithms on it with an `experiment` block and `rlspec run` (docs/experiments.md).");
    }
}
