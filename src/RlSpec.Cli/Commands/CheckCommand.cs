using System.CommandLine;
using System.Linq;
using System.Text.Json;
using RlSpec.Cli.Output;

namespace RlSpec.Cli.Commands;

/// <summary><c>rlspec check FILE...</c>: diagnostics in MSBuild's canonical form; exit 1 on any error.</summary>
internal static class CheckCommand
{
    public static Command Build(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "The .rlspec files to check.", Arity = ArgumentArity.OneOrMore };
        var parameters = RlSpecCommandLine.ParamOption();
        var format = RlSpecCommandLine.FormatOption("text", "json");
        var command = new Command("check", "Check models and print their diagnostics (path(line,col): error RLS0001: message).") { files, parameters, format };
        command.SetAction(result =>
        {
            bool json = result.GetValue(format) == "json";
            bool errors = false;
            var all = new System.Collections.Generic.List<RlSpec.Compiler.Diagnostics.Diagnostic>();
            foreach (var file in result.GetValue(files)!)
            {
                var loaded = ModelSource.Load(file, result.GetValue(parameters));
                all.AddRange(loaded.Diagnostics);
                errors |= loaded.HasErrors;
            }
            if (json) JsonReport.WriteDiagnostics(context.Out, all);
            else
            {
                foreach (var d in all) context.Out.WriteLine(DiagnosticText.Format(d));
                if (!errors) context.Out.WriteLine(all.Count == 0 ? "no problems found" : "no errors found");
            }
            return errors ? ExitCodes.ModelErrors : ExitCodes.Success;
        });
        return command;
    }
}
