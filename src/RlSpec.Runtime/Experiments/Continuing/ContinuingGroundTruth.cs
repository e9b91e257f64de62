using System;
using RlSpec.Runtime.Experiments.Episodic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Runtime.Experiments.Continuing;

/// <summary>
/// The exact side of a continuing (average-reward) experiment, built once: the episodic snapshot of the true model
/// (<see cref="EpisodicGroundTruth"/>: rewards rescaled to [0, 1], the enabled actions, the initial distribution),
/// the rescaled expected reward r'(s, a) of every pair, and the optimal gain ρ* of the rescaled model from the
/// runtime's average-reward solver (<see cref="MdpSolver"/>, relative value iteration, tolerance 1e-12).
/// </summary>
/// <remarks>
/// ρ* is one number only when the optimal gain does not depend on the start state (unichain or weakly communicating
/// models, the setting of UCRL2); the solver's gain bracket certifies it there. A state without an enabled action
/// (or a terminal one) would end the trajectory, so such a model is refused. Immutable; shared by every worker.
/// </remarks>
internal sealed class ContinuingGroundTruth
{
    private ContinuingGroundTruth(EpisodicGroundTruth snapshot, double[] pairRewards, double gain, double gainBound)
    {
        Snapshot = snapshot;
        PairRewards = pairRewards;
        Gain = gain;
        GainBound = gainBound;
    }

    /// <summary>The rescaled model, enabled actions and initial distribution (its horizon of 1 is not used).</summary>
    public EpisodicGroundTruth Snapshot { get; }

    /// <summary>r'(s, a), the rescaled expected reward of each enabled pair, at [s·A + a] (0 for disabled pairs).</summary>
    public double[] PairRewards { get; }

    /// <summary>ρ*: the optimal long-run average of the rescaled rewards.</summary>
    public double Gain { get; }

    /// <summary>The solver's certified bound on the error of <see cref="Gain"/>.</summary>
    public double GainBound { get; }

    /// <exception cref="ExperimentException">RLS0706: the model cannot be played as one trajectory, or its gain does not converge.</exception>
    public static ContinuingGroundTruth Build<TModel>(in TModel model, string experiment) where TModel : struct, IGenerativeMdp
    {
        // Horizon 1: the snapshot's own H-step value is not used, only its rescaled model.
        var snapshot = EpisodicGroundTruth.Build(model, 1, experiment);
        int n = snapshot.States, a = snapshot.Actions;
        for (int s = 0; s < n; s++)
            if (snapshot.Dead[s])
                throw Invalid(experiment, $"state {snapshot.Model.StateLabel(s)} of '{snapshot.Model.Name}' is terminal or enables no action, and a continuing experiment plays one trajectory that never ends; give every state an enabled action");

        var pairRewards = new double[n * a];
        for (int s = 0; s < n; s++)
            for (int row = snapshot.GroupStart[s]; row < snapshot.GroupStart[s + 1]; row++)
                pairRewards[s * a + snapshot.RowActions[row]] = snapshot.Rewards[row];

        var average = new SparseMdp(snapshot.Model.Name, Criterion.AverageReward(), a, snapshot.GroupStart, snapshot.RowActions, snapshot.RowStart,
            snapshot.Columns, snapshot.Probabilities, snapshot.Rewards, null, snapshot.InitialStates, snapshot.InitialProbabilities);
        MdpSolution solution;
        try
        {
            solution = MdpSolver.Solve(average, new SolverOptions { Method = SolverMethod.RelativeValueIteration, Tolerance = 1e-15, ToleranceKind = ToleranceKind.Absolute, MaxIterations = 10_000_000 });
        }
        catch (MdpSolverException e)
        {
            throw Invalid(experiment, $"the optimal gain of '{snapshot.Model.Name}' could not be computed ({e.Message})");
        }
        if (solution.StopReason == StopReason.IterationLimit || solution.Gain is not double gain || !(solution.ErrorBound < 1e-6))
            throw Invalid(experiment, $"relative value iteration did not certify the optimal gain of '{snapshot.Model.Name}' (error bound {solution.ErrorBound:G3}); a continuing experiment needs a model whose optimal gain is the same from every state (unichain or weakly communicating)");
        return new ContinuingGroundTruth(snapshot, pairRewards, gain, solution.ErrorBound);
    }

    private static ExperimentException Invalid(string experiment, string why) =>
        new(ExperimentErrorIds.InvalidMdp, $"experiment '{experiment}': {why}.");
}
