using System.CommandLine;
using System.Linq;
using RlSpec.Cli.Output;

namespace RlSpec.Cli.Commands;

/// <summary><c>rlspec emit FILE</c>: prints the C# the compiler generates for the model(s).</summary>
internal static class EmitCommand
{
    public static Command Build(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .rlspec file." };
        var parameters = RlSpecCommandLine.ParamOption();
        var model = RlSpecCommandLine.ModelOption();
        var command = new Command("emit", "Print the generated C# for a model.") { file, model, parameters };
        command.SetAction(result =>
        {
            var loaded = ModelSource.Load(result.GetValue(file)!, result.GetValue(parameters));
            foreach (var d in loaded.Diagnostics) context.Error.WriteLine(DiagnosticText.Format(d));
            if (loaded.HasErrors) return ExitCodes.ModelErrors;
            var problems = new System.Collections.Generic.List<RlSpec.Compiler.Diagnostics.Diagnostic>();
            var name = result.GetValue(model);
            var models = new System.Collections.Generic.List<RlSpec.Compiler.GeneratedModel>();
            if (name is null) models.AddRange(loaded.Result!.Models);
            else if (ModelSource.Select(loaded, name, problems) is { } selected) models.Add(selected);
            foreach (var d in problems) context.Error.WriteLine(DiagnosticText.Format(d));
            if (problems.Count > 0) return ExitCodes.ModelErrors;
            foreach (var m in models) context.Out.Write(m.Source);
            return ExitCodes.Success;
        });
        return command;
    }
}
