using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Experiment.Ir;
using static RlSpec.Compiler.Kinds.Experiment.Emit.ExperimentNames;

namespace RlSpec.Compiler.Kinds.Experiment.Emit
{
    /// <summary>
    /// Experiments on a game: <c>Instance()</c> is the game's <c>Create()</c>, <c>Algorithms()</c> builds each dynamic on the
    /// runtime object of its form (<c>game.Bimatrix</c>, <c>game.Preference</c>, <c>game.Markov</c>), and <c>Run</c> measures them
    /// through <c>GameDynamicsExperiment.Run</c>: on the game's matrix form with <c>MatrixGameMeasure</c>, or on a Markov game with
    /// <c>MarkovGameMeasure</c> (exact best responses, Shapley's values, the QRE of each temperature).
    /// </summary>
    internal sealed partial class ExperimentEmitter
    {
        private const string Runtime = "global::RlSpec.Runtime.Experiments.";
        private const string GameEntry = Runtime + "GameDynamicsEntry";
        private const string GameDynamicsExperimentType = Runtime + "GameDynamicsExperiment";
        private const string MatrixGameMeasureType = Runtime + "MatrixGameMeasure";
        private const string MarkovGameMeasureType = Runtime + "MarkovGameMeasure";
        private const string GameModelType = "global::RlSpec.Runtime.Games.GameModel";

        private void WriteGameAlgorithms()
        {
            _w.Line("/// <summary>The compared dynamics on the declared game, in the order declared, each with every constructor argument explicit.</summary>");
            _w.Open($"public static {IReadOnlyList}<{GameEntry}> Algorithms()");
            _w.Line("var game = Instance();");
            _w.Open($"return new {GameEntry}[]");
            foreach (var a in _ir.Algorithms)
            {
                var arguments = string.Concat(a.Arguments.Select(x => $", {CSharpNames.Identifier(x.Name)}: {x.Code}"));
                _w.Line($"new {GameEntry}({CSharpNames.String(a.Name)}, {CSharpNames.String(a.Label)}, {Map(a.Arguments.Select(x => (x.Name, x.Text)))}, " +
                        $"() => new {a.GlobalTypeName}(game.{a.GameProperty ?? "Bimatrix"}!{arguments})),");
            }
            _w.Close(";");
            _w.Close();
            _w.Line();
        }

        private void WriteGameInstance()
        {
            _w.Line($"/// <summary>The game: {CSharpNames.XmlDoc(_ir.TargetName)} as declared.</summary>");
            _w.Line($"public static {GameModelType} Instance() => {_target}.Create();");
            _w.Line();
        }

        private void WriteGameRun()
        {
            _w.Line("/// <summary>Runs the experiment as declared.</summary>");
            _w.Line($"public static {ExperimentResult} Run({RunOptions}? options = null) => Run(Spec(), Algorithms(), options);");
            _w.Line();
            _w.Line(_ir.MarkovGame
                ? "/// <summary>Runs <paramref name=\"spec\"/> with <paramref name=\"algorithms\"/>, measured on the declared Markov game (exact best responses, Shapley's values).</summary>"
                : "/// <summary>Runs <paramref name=\"spec\"/> with <paramref name=\"algorithms\"/>, measured on the declared game's matrix form.</summary>");
            _w.Line($"public static {ExperimentResult} Run({ExperimentSpec} spec, {IReadOnlyList}<{GameEntry}> algorithms, {RunOptions}? options = null)");
            _w.Line(_ir.MarkovGame
                ? $"    => {GameDynamicsExperimentType}.Run(spec, algorithms, new {MarkovGameMeasureType}(Instance().Markov!), options ?? new {RunOptions}());"
                : $"    => {GameDynamicsExperimentType}.Run(spec, algorithms, new {MatrixGameMeasureType}(Instance().Bimatrix!), options ?? new {RunOptions}());");
        }
    }
}
