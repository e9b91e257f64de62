using System;
using System.Globalization;
using System.IO;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One run of one algorithm on one bandit: Select, Pull (or the adversary's Rewards), Update, and the
/// statistics at each checkpoint. Generic over both structs, so the JIT specializes it per (bandit,
/// algorithm) pair and inlines their calls; the step loop allocates nothing (tracing aside).
/// </summary>
internal static class BanditLoop
{
    public static void Run<TBandit, TAlgorithm>(ref TBandit bandit, ref TAlgorithm algorithm, RunWorkspace ws, in RunKey key, Span<double> output)
        where TBandit : struct, IBandit
        where TAlgorithm : struct, IBanditAlgorithm
    {
        int k = ws.ArmCount;
        long horizon = ws.Horizon;
        long[] checkpoints = ws.Checkpoints;
        long[] counts = ws.Counts;
        Array.Clear(counts, 0, k);
        algorithm.Reset(ws.Setup);
        RandomStream algorithmStream = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Algorithm);
        TextWriter? trace = ws.Trace;

        double reward = 0, regret = 0;
        int c = 0;
        long next = checkpoints[0];
        if (ws.Adversarial)
        {
            double[] step = ws.Rewards, cumulative = ws.Cumulative;
            Array.Clear(cumulative, 0, k);
            RandomStream adversary = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Adversary);
            var stepSpan = step.AsSpan(0, k);
            for (long t = 1; t <= horizon; t++)
            {
                int arm = algorithm.Select(t, ref algorithmStream);
                if ((uint)arm >= (uint)k) throw InvalidArm(key, arm, t, k);
                bandit.Rewards(t, ref adversary, stepSpan);
                double x = stepSpan[arm];
                for (int a = 0; a < k; a++) cumulative[a] += stepSpan[a];
                algorithm.Update(arm, x);
                counts[arm]++;
                reward += x;
                if (trace is not null) WriteTrace(trace, key, t, arm, x);
                if (t == next)
                {
                    int best = ArgMax(cumulative, k);
                    regret = cumulative[best] - reward;
                    Record(ws, output, c, t, regret, regret, reward, counts[best] / (double)t);
                    next = ++c < checkpoints.Length ? checkpoints[c] : long.MaxValue;
                }
            }
        }
        else
        {
            RandomStream[] streams = ws.ArmStreams;
            for (int a = 0; a < k; a++) streams[a] = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Arm, a);
            double[] gaps = ws.Gaps;
            bool[] optimal = ws.Optimal;
            long optimalPulls = 0;
            for (long t = 1; t <= horizon; t++)
            {
                int arm = algorithm.Select(t, ref algorithmStream);
                if ((uint)arm >= (uint)k) throw InvalidArm(key, arm, t, k);
                double x = bandit.Pull(arm, ref streams[arm]);
                algorithm.Update(arm, x);
                counts[arm]++;
                reward += x;
                regret += gaps[arm];
                if (optimal[arm]) optimalPulls++;
                if (trace is not null) WriteTrace(trace, key, t, arm, x);
                if (t == next)
                {
                    Record(ws, output, c, t, regret, t * ws.BestMean - reward, reward, optimalPulls / (double)t);
                    next = ++c < checkpoints.Length ? checkpoints[c] : long.MaxValue;
                }
            }
        }

        int errorOffset = ws.Layout.ErrorOffset;
        if (errorOffset >= 0)
        {
            int recommended = algorithm is IBestArmIdentification ? ((IBestArmIdentification)algorithm).Recommend() : ArgMax(counts, k);
            if ((uint)recommended >= (uint)k) throw InvalidArm(key, recommended, horizon, k, recommendation: true);
            bool correct = ws.Adversarial ? ws.Cumulative[recommended] == ws.Cumulative[ArgMax(ws.Cumulative, k)] : ws.Optimal[recommended];
            output[errorOffset] = correct ? 0.0 : 1.0;
        }
    }

    /// <summary>Writes the checkpoint's values into the run's block; checks for cancellation (runs in flight are abandoned at a checkpoint).</summary>
    private static void Record(RunWorkspace ws, Span<double> output, int c, long t, double regret, double realized, double reward, double bestArmRate)
    {
        ws.Cancellation.ThrowIfCancellationRequested();
        var layout = ws.Layout;
        foreach (var (statistic, offset) in layout.ScalarSeries)
        {
            output[offset + c] = statistic switch
            {
                Statistic.Regret => regret,
                Statistic.RealizedRegret => realized,
                Statistic.Reward => reward,
                _ => bestArmRate,
            };
        }
        if (layout.CountsOffset >= 0)
        {
            int points = layout.CheckpointCount;
            long[] counts = ws.Counts;
            for (int a = 0; a < ws.ArmCount; a++) output[layout.CountsOffset + a * points + c] = counts[a];
        }
    }

    /// <summary>The first index of the largest value (ties go to the lowest arm).</summary>
    private static int ArgMax(double[] values, int k)
    {
        int best = 0;
        for (int a = 1; a < k; a++) if (values[a] > values[best]) best = a;
        return best;
    }

    private static int ArgMax(long[] values, int k)
    {
        int best = 0;
        for (int a = 1; a < k; a++) if (values[a] > values[best]) best = a;
        return best;
    }

    private static void WriteTrace(TextWriter trace, in RunKey key, long t, int arm, double reward)
    {
        trace.Write(key.Sweep.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(key.Run.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(key.Algorithm.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(t.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(arm.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.WriteLine(reward.ToString("R", CultureInfo.InvariantCulture));
    }

    private static ExperimentException InvalidArm(in RunKey key, int arm, long t, int k, bool recommendation = false) =>
        new(ExperimentErrorIds.InvalidArm,
            $"algorithm {key.Algorithm} {(recommendation ? "recommended" : "selected")} arm {arm} at step {t} of run {key.Run}, but the arms are 0..{k - 1}; an IBanditAlgorithm must return an arm index in that range");
}
