using System;
using System.Collections.Generic;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Runtime.Experiments.Episodic;

/// <summary>
/// The exact side of an episodic experiment, built once: the true model as a <see cref="SparseMdp"/> with its
/// rewards rescaled to [0, 1] (r' = (r − r_min)/(r_max − r_min) over the model's outcome rewards), the optimal
/// H-step value V*_1(ρ) from the initial distribution ρ by the runtime's <see cref="BackwardInduction"/>, and
/// the exact H-step value of any policy an algorithm reports (backward induction with the policy's
/// probabilities, into a caller's buffers, so it allocates nothing).
/// </summary>
/// <remarks>
/// Episodes are undiscounted sums of H rescaled rewards (the setting of UCBVI, MVP and PSRL). A terminal state
/// (<c>until</c>) or a state without an enabled action ends the episode: it is worth 0 from there, as in the
/// planner. Immutable after construction; shared by every worker thread.
/// </remarks>
internal sealed class EpisodicGroundTruth
{
    private EpisodicGroundTruth() { }

    public int States { get; private init; }
    public int Actions { get; private init; }
    public int Horizon { get; private init; }

    /// <summary>The true model with rescaled rewards (criterion: finite horizon H, γ = 1).</summary>
    public SparseMdp Model { get; private init; }

    public int[] GroupStart { get; private init; } = null!;
    public int[] RowActions { get; private init; } = null!;
    public int[] RowStart { get; private init; } = null!;
    public int[] Columns { get; private init; } = null!;
    public double[] Probabilities { get; private init; } = null!;

    /// <summary>The rescaled expected reward of each row.</summary>
    public double[] Rewards { get; private init; } = null!;

    /// <summary>States where an episode ends: terminal, or no enabled action.</summary>
    public bool[] Dead { get; private init; } = null!;

    /// <summary>Whether action a is enabled in state s, at [s·A + a].</summary>
    public bool[] Available { get; private init; } = null!;

    public int[] InitialStates { get; private init; } = null!;
    public double[] InitialProbabilities { get; private init; } = null!;

    /// <summary>Cumulative initial probabilities, for drawing the initial state by inversion.</summary>
    public double[] InitialCumulative { get; private init; } = null!;

    /// <summary>The smallest and largest outcome reward of the model (original units).</summary>
    public double RewardMin { get; private init; }
    public double RewardMax { get; private init; }

    /// <summary>1/(r_max − r_min), or 1 when every reward is the same.</summary>
    public double Scale { get; private init; }

    /// <summary>V*_1(ρ): the optimal expected sum of H rescaled rewards from the initial distribution.</summary>
    public double OptimalValue { get; private init; }

    /// <summary>A sampled reward in rescaled units.</summary>
    public double Rescale(double reward) => (reward - RewardMin) * Scale;

    /// <summary>Snapshots <paramref name="model"/> and solves it; <paramref name="horizon"/> is H.</summary>
    /// <exception cref="ExperimentException">RLS0706: the model reads the step t, has no initial state, or too many state-action pairs.</exception>
    public static EpisodicGroundTruth Build<TModel>(in TModel model, int horizon, string experiment) where TModel : struct, IMdp
    {
        TModel m = model;
        if (m.IsTimeDependent)
            throw Invalid(experiment, $"the model '{m.Name}' reads the step t, so its ground truth cannot be stored as one stationary model; online RL experiments need a stationary model");
        long pairs = (long)m.StateCount * m.ActionCount;
        if (pairs >= StreamKeys.MaxArms)
            throw Invalid(experiment, $"the model '{m.Name}' has {pairs:N0} state-action pairs; an episodic experiment keys a random stream by each pair and holds fewer than {StreamKeys.MaxArms:N0}");
        var source = SparseMdp.From(m);
        int n = source.StateCount, a = source.ActionCount;

        // The reward range over every outcome (not the row means: a reward may depend on the successor).
        var range = new RewardRange { Min = double.PositiveInfinity, Max = double.NegativeInfinity };
        for (int s = 0; s < n; s++)
        {
            if (m.IsTerminal(s)) continue;
            for (int act = 0; act < a; act++) m.Transitions(s, act, 0, ref range);
        }
        double min = double.IsFinite(range.Min) ? range.Min : 0, max = double.IsFinite(range.Max) ? range.Max : 0;
        double scale = max > min ? 1.0 / (max - min) : 1.0;

        var groupStart = source.RowGroupStart.ToArray();
        var rowActions = source.RowActions.ToArray();
        var rewards = source.RowRewards.ToArray();
        for (int r = 0; r < rewards.Length; r++) rewards[r] = (rewards[r] - min) * scale;
        var available = new bool[n * a];
        var dead = new bool[n];
        bool[]? terminal = null;
        for (int s = 0; s < n; s++)
        {
            for (int r = groupStart[s]; r < groupStart[s + 1]; r++) available[s * a + rowActions[r]] = true;
            dead[s] = source.IsTerminal(s) || groupStart[s] == groupStart[s + 1];
            if (source.IsTerminal(s)) (terminal ??= new bool[n])[s] = true;
        }

        var initial = new InitialCollector { States = new List<int>(), Probabilities = new List<double>() };
        source.Initial(ref initial);
        if (initial.States.Count == 0)
            throw Invalid(experiment, $"the model '{m.Name}' has no initial state; declare one with `init`");
        var cumulative = new double[initial.States.Count];
        double total = 0;
        for (int i = 0; i < cumulative.Length; i++) cumulative[i] = total += initial.Probabilities[i];

        var rescaled = new SparseMdp(m.Name, Criterion.FiniteHorizon(horizon), a, groupStart, rowActions, source.RowStart.ToArray(),
            source.Columns.ToArray(), source.Probabilities.ToArray(), rewards, terminal, initial.States.ToArray(), initial.Probabilities.ToArray());

        // V* by the runtime's backward induction, H steps back from V_H = 0.
        var next = new double[n];
        var values = new double[n];
        var policy = new int[n];
        for (int h = horizon - 1; h >= 0; h--)
        {
            BackwardInduction.Step(rescaled, 0, next, values, policy);
            (next, values) = (values, next);
        }
        double optimal = 0;
        for (int i = 0; i < initial.States.Count; i++) optimal += initial.Probabilities[i] * next[initial.States[i]];

        return new EpisodicGroundTruth
        {
            States = n,
            Actions = a,
            Horizon = horizon,
            Model = rescaled,
            GroupStart = groupStart,
            RowActions = rowActions,
            RowStart = source.RowStart.ToArray(),
            Columns = source.Columns.ToArray(),
            Probabilities = source.Probabilities.ToArray(),
            Rewards = rewards,
            Dead = dead,
            Available = available,
            InitialStates = initial.States.ToArray(),
            InitialProbabilities = initial.Probabilities.ToArray(),
            InitialCumulative = cumulative,
            RewardMin = min,
            RewardMax = max,
            Scale = scale,
            OptimalValue = optimal,
        };
    }

    /// <summary>The setup an algorithm's <c>Reset</c> gets.</summary>
    public EpisodicSetup Setup(long episodes, double discount) => new()
    {
        StateCount = States,
        ActionCount = Actions,
        Horizon = Horizon,
        Episodes = episodes,
        Available = Available,
        Discount = discount,
    };

    /// <summary>Draws an episode's initial state from ρ by inversion (one uniform per episode).</summary>
    public int DrawInitial(ref Randomness.RandomStream random)
    {
        double u = random.NextDouble() * InitialCumulative[^1];
        double[] c = InitialCumulative;
        for (int i = 0; i < c.Length - 1; i++) if (u < c[i]) return InitialStates[i];
        return InitialStates[^1];
    }

    /// <summary>
    /// V^π_1(ρ) of the policy <paramref name="algorithm"/> reports for the current episode: V_H = 0 and
    /// V_h(s) = Σ_a π_h(a|s) (r'(s,a) + Σ_s' p(s'|s,a) V_{h+1}(s')). Uses the buffers of <paramref name="ws"/>;
    /// allocates nothing. Throws RLS0707 when the reported probabilities are not a distribution over the enabled actions.
    /// </summary>
    public double Evaluate<TAlgorithm>(ref TAlgorithm algorithm, EpisodicWorkspace ws, int run, long episode) where TAlgorithm : struct, IEpisodicAlgorithm
    {
        int n = States, a = Actions;
        double[] next = ws.NextValues, values = ws.Values, probabilities = ws.PolicyBuffer;
        int[] groupStart = GroupStart, rowActions = RowActions, rowStart = RowStart, columns = Columns;
        double[] p = Probabilities, rewards = Rewards;
        bool[] dead = Dead;
        Array.Clear(next, 0, n);
        var span = probabilities.AsSpan(0, a);
        for (int h = Horizon - 1; h >= 0; h--)
        {
            for (int s = 0; s < n; s++)
            {
                if (dead[s]) { values[s] = 0; continue; }
                span.Clear();
                algorithm.Policy(h, s, span);
                double v = 0, mass = 0;
                for (int row = groupStart[s], end = groupStart[s + 1]; row < end; row++)
                {
                    double pi = probabilities[rowActions[row]];
                    if (pi == 0) continue;
                    if (!(pi >= 0)) throw BadPolicy(run, episode, h, s, $"a probability of {pi}");
                    mass += pi;
                    double expected = 0;
                    for (int k = rowStart[row], last = rowStart[row + 1]; k < last; k++) expected += p[k] * next[columns[k]];
                    v += pi * (rewards[row] + expected);
                }
                if (Math.Abs(mass - 1) > 1e-9) throw BadPolicy(run, episode, h, s, $"probabilities of the enabled actions that sum to {mass}");
                values[s] = v;
            }
            (next, values) = (values, next);
        }
        double total = 0;
        for (int i = 0; i < InitialStates.Length; i++) total += InitialProbabilities[i] * next[InitialStates[i]];
        return total;
    }

    private ExperimentException BadPolicy(int run, long episode, int step, int state, string what) =>
        new(ExperimentErrorIds.InvalidPolicy,
            $"in run {run}, episode {episode}, the policy reported for step {step} in state {Model.StateLabel(state)} has {what}; an IEpisodicAlgorithm's Policy must fill a probability distribution over the enabled actions (0 on the others)");

    private static ExperimentException Invalid(string experiment, string why) =>
        new(ExperimentErrorIds.InvalidMdp, $"experiment '{experiment}': {why}.");

    /// <summary>Collects the smallest and largest outcome reward.</summary>
    private struct RewardRange : ITransitionVisitor
    {
        public double Min, Max;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward)
        {
            if (probability <= 0) return;
            if (reward < Min) Min = reward;
            if (reward > Max) Max = reward;
        }
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }

    /// <summary>Collects the initial distribution.</summary>
    private struct InitialCollector : ITransitionVisitor
    {
        public List<int> States;
        public List<double> Probabilities;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward)
        {
            if (probability <= 0) return;
            int i = States.IndexOf(next);
            if (i >= 0) Probabilities[i] += probability;
            else { States.Add(next); Probabilities.Add(probability); }
        }
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}
