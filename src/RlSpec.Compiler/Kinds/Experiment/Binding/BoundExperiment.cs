using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>How checkpoints are spaced: every n steps, or a number of logarithmically spaced points.</summary>
    public enum CheckpointSpacing { Linear, Logarithmic }

    /// <summary>Whether the problem instance is drawn once for the experiment or anew for every run.</summary>
    public enum InstanceMode { Fixed, PerRun }

    /// <summary>One entry of <c>compare</c>: an algorithm with every parameter's value (given or the table's default).</summary>
    public sealed class BoundAlgorithmUse
    {
        public BoundAlgorithmUse(BanditAlgorithm algorithm, SourceSpan span) { Algorithm = algorithm; Span = span; }

        public BanditAlgorithm Algorithm { get; }

        public SourceSpan Span { get; }

        /// <summary>Every constructor parameter's value, in constructor order: a long for int parameters, a double for real ones.</summary>
        public List<object> Arguments { get; } = new List<object>();

        /// <summary>Which parameters were written (the others have the table's default).</summary>
        public HashSet<string> Given { get; } = new HashSet<string>();

        /// <summary><c>label = "..."</c>, when written.</summary>
        public string? Label { get; set; }

        public SourceSpan? LabelSpan { get; set; }
    }

    /// <summary><c>sweep NAME = [v1, v2, ...]</c> over a parameter of the model the experiment runs on.</summary>
    public sealed record BoundSweep(ParamSymbol Parameter, IReadOnlyList<object> Values, SourceSpan Span);

    /// <summary>
    /// <c>sweep ucb_alpha(alpha = [0.5, 1, 2])</c>: a parameter of a compared algorithm over a list of its values;
    /// every <c>compare</c> entry of that algorithm takes the sweep's value.
    /// </summary>
    public sealed record BoundAlgorithmSweep(BanditAlgorithm Algorithm, AlgorithmParameter Parameter, IReadOnlyList<object> Values, SourceSpan Span);

    /// <summary>An experiment after binding: every setting checked and evaluated, defaults not yet applied.</summary>
    public sealed class BoundExperiment
    {
        public BoundExperiment(BoundModel declaration, BoundModel target, BanditFits family)
        {
            Declaration = declaration;
            Target = target;
            Family = family;
        }

        public BoundModel Declaration { get; }

        /// <summary>The bandit the experiment runs on.</summary>
        public BoundModel Target { get; }

        /// <summary>The target's setting (exactly one flag).</summary>
        public BanditFits Family { get; }

        public long? Horizon { get; set; }

        public long? Runs { get; set; }

        public ulong? Seed { get; set; }

        public List<BoundAlgorithmUse> Algorithms { get; } = new List<BoundAlgorithmUse>();

        /// <summary>The statistics of <c>record</c>, in the order written; null when <c>record</c> is absent.</summary>
        public List<BanditStatistic>? Record { get; set; }

        public CheckpointSpacing? Spacing { get; set; }

        /// <summary><c>every = n</c> or <c>log_points = n</c>.</summary>
        public long? CheckpointValue { get; set; }

        public BanditStatistic? PlotStatistic { get; set; }

        public bool LogX { get; set; }

        public bool LogY { get; set; }

        public string? PlotTitle { get; set; }

        public InstanceMode Instance { get; set; } = InstanceMode.Fixed;

        public BoundSweep? Sweep { get; set; }

        /// <summary>A sweep over an algorithm's parameter (instead of <see cref="Sweep"/> over the bandit's).</summary>
        public BoundAlgorithmSweep? AlgorithmSweep { get; set; }

        /// <summary>The mdp the experiment runs on, for experiments on an mdp (null on a bandit).</summary>
        public MdpTarget? Mdp { get; set; }

        /// <summary>The game the experiment runs on, for experiments on a game (null otherwise).</summary>
        public GameTarget? Game { get; set; }

        /// <summary>On a problem: the facts and the compared first-order methods (ExperimentBinder.Problems.cs); null otherwise.</summary>
        public ProblemExperiment? Problem { get; set; }

        /// <summary>On an mdp: the family the compared algorithms share (episodic or policy optimization), once known.</summary>
        public BanditFits? LearningFamily { get; set; }

        /// <summary>On an mdp: <c>horizon H</c>, the steps per episode (null: the model's own finite horizon).</summary>
        public long? EpisodeHorizon { get; set; }

        /// <summary>On an mdp: which of <c>episodes</c> or <c>iterations</c> set <see cref="Horizon"/>.</summary>
        public string? LengthWord { get; set; }

        /// <summary>What is recorded: <c>record</c>'s statistics, or without it regret (the error when every algorithm identifies a best arm; suboptimality for policy optimization).</summary>
        public List<BanditStatistic> RecordOrDefault() =>
            Record ?? (LearningFamily == BanditFits.PolicyOptimization ? new List<BanditStatistic> { BanditStatistics.Find("suboptimality")! } : null) ?? new List<BanditStatistic>
            {
                Algorithms.Count > 0 && Algorithms.TrueForAll(a => a.Algorithm.IsBestArmIdentification)
                    ? BanditStatistics.Find("error")!
                    : BanditStatistics.Find("regret")!,
            };
    }
}
