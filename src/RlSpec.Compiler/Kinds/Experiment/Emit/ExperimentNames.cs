namespace RlSpec.Compiler.Kinds.Experiment.Emit
{
    /// <summary>Fully qualified names of the runtime's experiment engine, spelled from <c>global::</c> (see <see cref="RlSpec.Compiler.Emit.GlobalNames"/>).</summary>
    internal static class ExperimentNames
    {
        private const string Experiments = "global::RlSpec.Runtime.Experiments.";

        public const string ExperimentSpec = Experiments + "ExperimentSpec";
        public const string ExperimentResult = Experiments + "ExperimentResult";
        public const string RunOptions = Experiments + "RunOptions";
        public const string BanditExperiment = Experiments + "BanditExperiment";
        public const string AlgorithmEntry = Experiments + "AlgorithmEntry";
        public const string Checkpoints = Experiments + "Checkpoints";
        public const string Statistic = Experiments + "Statistic";
        public const string InstanceModeType = Experiments + "InstanceMode";
        public const string PlotOptions = Experiments + "PlotOptions";
        public const string Sweep = Experiments + "ExperimentSweep";
        public const string ParameterValue = Experiments + "ParameterValue";
        public const string EpisodicExperiment = Experiments + "EpisodicExperiment";
        public const string EpisodicAlgorithmEntry = Experiments + "EpisodicAlgorithmEntry";
        public const string ContinuingExperiment = Experiments + "ContinuingExperiment";
        public const string ContinuingAlgorithmEntry = Experiments + "ContinuingAlgorithmEntry";
        public const string PolicyOptimizationExperiment = Experiments + "PolicyOptimizationExperiment";
        public const string PolicyOptimizerEntry = Experiments + "PolicyOptimizerEntry";
        public const string StartDistribution = Experiments + "StartDistribution";
        public const string SparseMdp = "global::RlSpec.Runtime.Mdp.SparseMdp";
        public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    }
}
