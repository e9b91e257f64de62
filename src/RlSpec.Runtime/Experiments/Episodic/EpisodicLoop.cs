using System;
using System.Globalization;
using System.IO;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Experiments.Episodic;

/// <summary>
/// One run of one episodic algorithm on one MDP: per episode k, BeginEpisode, the exact value of the policy it
/// will play (for the regret V*_1(ρ) − V^{π_k}_1(ρ)), then H steps of Act, the model's generative step and
/// Observe, then EndEpisode; cumulative statistics at each checkpoint (in episodes). Generic over both structs,
/// so the JIT specializes it per (model, algorithm) pair; an episode allocates nothing (tracing aside).
/// </summary>
internal static class EpisodicLoop
{
    public static void Run<TModel, TAlgorithm>(ref TModel model, ref TAlgorithm algorithm, EpisodicWorkspace ws, in RunKey key, Span<double> output)
        where TModel : struct, IGenerativeMdp
        where TAlgorithm : struct, IEpisodicAlgorithm
    {
        var truth = ws.Truth;
        int actions = truth.Actions, horizon = truth.Horizon;
        long episodes = ws.Episodes;
        long[] checkpoints = ws.Checkpoints;
        bool[] dead = truth.Dead, available = truth.Available;
        algorithm.Reset(ws.Setup);
        RandomStream algorithmStream = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Algorithm);
        RandomStream initialStream = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Initial);
        RandomStream[] pairs = ws.PairStreams;
        for (int i = 0; i < pairs.Length; i++) pairs[i] = StreamKeys.Stream(ws.Seed, key.Run, StreamPurpose.Transition, i);
        TextWriter? trace = ws.Trace;

        double optimal = truth.OptimalValue;
        double regret = 0, realized = 0, reward = 0;
        int c = 0;
        long nextCheckpoint = checkpoints[0];
        for (long k = 1; k <= episodes; k++)
        {
            algorithm.BeginEpisode(k, ref algorithmStream);
            regret += optimal - truth.Evaluate(ref algorithm, ws, key.Run, k);
            int state = truth.DrawInitial(ref initialStream);
            double collected = 0;
            for (int h = 0; h < horizon && !dead[state]; h++)
            {
                int action = algorithm.Act(h, state, ref algorithmStream);
                if ((uint)action >= (uint)actions || !available[state * actions + action]) throw InvalidAction(truth, key, k, h, state, action);
                int next = model.Sample(state, action, h, ref pairs[state * actions + action], out double r);
                double x = truth.Rescale(r);
                algorithm.Observe(h, state, action, x, next);
                collected += x;
                if (trace is not null) WriteTrace(trace, key, k, h, state, action, x, next);
                state = next;
            }
            algorithm.EndEpisode();
            realized += optimal - collected;
            reward += collected;
            if (k == nextCheckpoint)
            {
                Record(ws, output, c, regret, realized, reward);
                nextCheckpoint = ++c < checkpoints.Length ? checkpoints[c] : long.MaxValue;
            }
        }
    }

    /// <summary>Writes the checkpoint's values into the run's block; checks for cancellation.</summary>
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

    private static void WriteTrace(TextWriter trace, in RunKey key, long episode, int step, int state, int action, double reward, int next)
    {
        trace.Write(key.Run.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(key.Algorithm.ToString(CultureInfo.InvariantCulture));
        trace.Write(',');
        trace.Write(episode.ToString(CultureInfo.InvariantCulture));
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

    private static ExperimentException InvalidAction(EpisodicGroundTruth truth, in RunKey key, long episode, int step, int state, int action) =>
        new(ExperimentErrorIds.InvalidPolicy,
            $"algorithm {key.Algorithm} played action {action} at step {step} of episode {episode} in run {key.Run}, state {truth.Model.StateLabel(state)}, " +
            $"where it is not enabled; an IEpisodicAlgorithm must play an action that EpisodicSetup.Available enables");
}
