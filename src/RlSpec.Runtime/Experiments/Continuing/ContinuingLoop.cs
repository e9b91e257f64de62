using System;
using System.Globalization;
using System.IO;
using RlSpec.Runtime.Experiments.Episodic;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Experiments.Continuing;

/// <summary>
/// One run of one continuing algorithm on one MDP: one trajectory of T steps from s₁ ~ ρ, each step Act, the
/// model's generative step and Observe; at each checkpoint (in steps) the cumulative regret t·ρ* − Σ r'_τ
/// (realized), the pseudo-regret Σ_τ (ρ* − r'(s_τ, a_τ)) (expected rewards of the pairs played) and the reward.
/// Generic over both structs, so the JIT specializes it; a step allocates nothing (tracing aside).
/// </summary>
internal static class ContinuingLoop
{
    public static void Run<TModel, TAlgorithm>(ref TModel model, ref TAlgorithm algorithm, EpisodicWorkspace ws, ContinuingGroundTruth truth, in RunKey key, Span<double> output)
        where TModel : struct, IGenerativeMdp
        where TAlgorithm : struct, IContinuingAlgorithm
    {
        var snapshot = ws.Truth;
        int actions = snapshot.Actions;
        long steps = ws.Episodes;
        long[] checkpoints = ws.Checkpoints;
        bool[] available = snapshot.Available;
        double[] pairRewards = truth.PairRewards;
        algorithm.Reset(ws.Setup);
        RandomStream algorithmStream = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Algorithm);
        RandomStream initialStream = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Initial);
        RandomStream[] pairs = ws.PairStreams;
        for (int i = 0; i < pairs.Length; i++) pairs[i] = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Transition, i);
        TextWriter? trace = ws.Trace;

        double gain = truth.Gain;
        double expected = 0, reward = 0;
        int c = 0;
        long nextCheckpoint = checkpoints[0];
        int state = snapshot.DrawInitial(ref initialStream);
        for (long t = 1; t <= steps; t++)
        {
            int action = algorithm.Act(t, state, ref algorithmStream);
            if ((uint)action >= (uint)actions || !available[state * actions + action]) throw InvalidAction(snapshot, key, t, state, action);
            int pair = state * actions + action;
            // The model is stationary (checked when the ground truth is built), so the step argument is 0.
            int next = model.Sample(state, action, 0, ref pairs[pair], out double r);
            double x = snapshot.Rescale(r);
            algorithm.Observe(t, state, action, x, next);
            reward += x;
            expected += pairRewards[pair];
            if (trace is not null) WriteTrace(trace, key, t, state, action, x, next);
            state = next;
            if (t == nextCheckpoint)
            {
                // Summed as t·ρ* − Σ rather than step by step, so the bookkeeping does not accumulate rounding in ρ*.
                Record(ws, output, c, t * gain - expected, t * gain - reward, reward);
                nextCheckpoint = ++c < checkpoints.Length ? checkpoints[c] : long.MaxValue;
            }
        }
    }

    private static void Record(EpisodicWorkspace ws, Span<double> output, int c, double regret, double realized, double reward)
    {
        ws.Cancellation.ThrowIfCancellationRequested();
        foreach (var (statistic, offset) in ws.Layout.ScalarSeries)
            output[offset + c] = statistic switch
            {
                Statistic.Regret => regret,
                Statistic.RealizedRegret => realized,
                _ => reward,
            };
    }

    private static void WriteTrace(TextWriter trace, in RunKey key, long step, int state, int action, double reward, int next)
    {
        trace.Write(key.Run.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(key.Algorithm.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(step.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(state.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(action.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(reward.ToString("R", CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.WriteLine(next.ToString(CultureInfo.InvariantCulture));
    }

    private static ExperimentException InvalidAction(EpisodicGroundTruth truth, in RunKey key, long step, int state, int action) =>
        new(ExperimentErrorIds.InvalidPolicy,
            $"algorithm {key.Algorithm} played action {action} at step {step} in run {key.Run}, state {truth.Model.StateLabel(state)}, " +
            $"where it is not enabled; an IContinuingAlgorithm must play an action that EpisodicSetup.Available enables");
}
