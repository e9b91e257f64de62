using System.Collections.Generic;
using RlSpec.Compiler.Kinds.Experiment.Binding;

namespace RlSpec.Compiler.Kinds.Experiment.Ir
{
    // The experiment's intermediate form: every setting decided (defaults applied, labels chosen,
    // constants evaluated with the parameters in force) and each value already spelled as the C# the
    // emitter writes. The emitter reads only this: no syntax, no bound trees.

    /// <summary>
    /// One constructor argument of an algorithm: the parameter's name, its C# literal and its text for the outputs;
    /// for a swept parameter also the C# literal of each sweep value (<see cref="Code"/> is then unused).
    /// </summary>
    public sealed record IrArgument(string Name, string Code, string Text, IReadOnlyList<string>? SweepCodes = null);

    /// <summary>One compared algorithm: its .rlspec name, label, runtime struct and every constructor argument.</summary>
    /// <remarks>On a game, <see cref="GameProperty"/> names the <c>GameModel</c> property its constructor takes first (<c>Bimatrix</c>, <c>Preference</c>, <c>Markov</c>).</remarks>
    public sealed record IrAlgorithm(string Name, string Label, string GlobalTypeName, IReadOnlyList<IrArgument> Arguments, bool IsBestArmIdentification,
        string? GameProperty = null);

    /// <summary>A statistic to record: the .rlspec name and the engine's name for it.</summary>
    public sealed record IrStatistic(string Name, string EngineName);

    /// <summary>
    /// A sweep over a parameter of the bandit: its name, its position among Create's arguments, and the values as
    /// C# and as text; or over an algorithm's parameter (<c>ucb_alpha.alpha</c>, position −1: the bandit does not
    /// change, the swept algorithm's <see cref="IrArgument.SweepCodes"/> do).
    /// </summary>
    public sealed record IrSweep(string Parameter, int Position, IReadOnlyList<string> Codes, IReadOnlyList<string> Texts);

    /// <summary>A parameter in force, for the outputs: its name and value text.</summary>
    public sealed record IrParameter(string Name, string Text);

    /// <summary>What an experiment runs, hence which engine its <c>Run</c> calls.</summary>
    public enum ExperimentFamily { Bandit, Episodic, PolicyOptimization, Continuing, Game }

    /// <summary>An experiment ready for emission.</summary>
    public sealed class ExperimentIr
    {
        public ExperimentIr(string name, string typeName, string sourcePath, string targetName, string targetTypeName, string family)
        {
            Name = name;
            TypeName = typeName;
            SourcePath = sourcePath;
            TargetName = targetName;
            TargetTypeName = targetTypeName;
            Family = family;
        }

        public string Name { get; }

        /// <summary>The C# type name (the experiment's name, escaped if it is a C# keyword).</summary>
        public string TypeName { get; }

        public string SourcePath { get; }

        /// <summary>The bandit's name and C# type (in the same namespace).</summary>
        public string TargetName { get; }

        public string TargetTypeName { get; }

        /// <summary>"a stochastic bandit", for the doc comment.</summary>
        public string Family { get; }

        public long Horizon { get; set; }

        public int Runs { get; set; }

        public ulong Seed { get; set; }

        public CheckpointSpacing Spacing { get; set; }

        /// <summary>Steps between checkpoints (linear) or the number of checkpoints (logarithmic).</summary>
        public long CheckpointValue { get; set; }

        public List<IrStatistic> Record { get; } = new List<IrStatistic>();

        /// <summary>The statistic drawn; null when nothing recorded can be drawn as a curve.</summary>
        public IrStatistic? Plot { get; set; }

        public bool LogX { get; set; }

        public bool LogY { get; set; }

        public string? PlotTitle { get; set; }

        public InstanceMode Instance { get; set; }

        public IrSweep? Sweep { get; set; }

        public List<IrAlgorithm> Algorithms { get; } = new List<IrAlgorithm>();

        /// <summary>The bandit's parameters in force as C# literals, in declaration order: the arguments of its Create before the instance seed.</summary>
        public List<string> TargetArguments { get; } = new List<string>();

        /// <summary>What the experiment runs: <see cref="ExperimentFamily.Bandit"/>, or on an mdp online RL in episodes, policy optimization, or one average-reward trajectory.</summary>
        public ExperimentFamily Kind { get; set; }

        /// <summary>On an mdp in episodes: <c>horizon H</c> as written, or null to take the model's own finite horizon.</summary>
        public long? EpisodeHorizon { get; set; }

        /// <summary>On a game: true for a Markov game (measured by <c>MarkovGameMeasure</c> on <c>GameModel.Markov</c>), false for a matrix form (<c>MatrixGameMeasure</c> on <c>GameModel.Bimatrix</c>).</summary>
        public bool MarkovGame { get; set; }

        /// <summary>On a problem: the first-order methods and what they record (Ir/OptimizationIr.cs); null otherwise.</summary>
        public OptimizationIr? Optimization { get; set; }

        /// <summary>The parameters in force of the bandit and of the experiment, for the outputs.</summary>
        public List<IrParameter> Parameters { get; } = new List<IrParameter>();
    }
}
