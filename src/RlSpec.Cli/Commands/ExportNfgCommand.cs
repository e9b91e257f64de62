using System.CommandLine;
using System.IO;
using RlSpec.Cli.Games;
using RlSpec.Cli.Hosting;
using RlSpec.Cli.Output;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Runtime.Games;
using RlSpec.Runtime.Games.Gambit;

namespace RlSpec.Cli.Commands;

/// <summary><c>rlspec export-nfg FILE</c>: write a declared game as a Gambit strategic-form file (payoff version, named strategies).</summary>
internal static class ExportNfgCommand
{
    public static Command Build(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .rlspec file." };
        var model = RlSpecCommandLine.ModelOption();
        var parameters = RlSpecCommandLine.ParamOption();
        var output = new Option<string?>("--out", "-o") { Description = "Write the .nfg to this file instead of standard output." };
        var noCache = RlSpecCommandLine.NoCacheOption();
        var command = new Command("export-nfg", "Write a game as a Gambit .nfg file (strategic form), so it can be opened in Gambit.")
        {
            file, model, parameters, output, noCache,
        };
        command.SetAction(result => Run(context, result.GetValue(file)!, result.GetValue(model), result.GetValue(parameters), result.GetValue(output), result.GetValue(noCache)));
        return command;
    }

    private static int Run(CliContext context, string path, string? modelName, string[]? overrides, string? outFile, bool noCache)
    {
        var loaded = ModelSource.Load(path, overrides);
        foreach (var d in loaded.Diagnostics) context.Error.WriteLine(DiagnosticText.Format(d));
        if (loaded.HasErrors) return ExitCodes.ModelErrors;
        var problems = new System.Collections.Generic.List<Diagnostic>();
        var generated = ModelSource.Select(loaded, modelName, problems);
        foreach (var d in problems) context.Error.WriteLine(DiagnosticText.Format(d));
        if (problems.Count > 0 || generated is null) return ExitCodes.ModelErrors;
        if (generated.Kind != "game")
        {
            context.Error.WriteLine($"{path}: error {CliDiagnosticIds.GameOptionNotApplicable}: {generated.Name} is a{(generated.Kind == "experiment" ? "n" : "")} {generated.Kind}; export-nfg writes games");
            return ExitCodes.ModelErrors;
        }
        var compiled = InMemoryModelCompiler.Load(generated, RlSpecCommandLine.Cache(noCache));
        if (compiled.Host is not GameModel game)
        {
            foreach (var e in compiled.Errors) context.Error.WriteLine($"{path}(1,1): error {compiled.ErrorId}: {e}");
            return ExitCodes.ModelErrors;
        }
        var nfg = NfgBridge.FromModel(game, out var why);
        if (nfg is null)
        {
            context.Error.WriteLine($"{path}: error {CliDiagnosticIds.GameOptionNotApplicable}: {why}");
            return ExitCodes.ModelErrors;
        }
        var text = NfgFormat.Write(nfg);
        if (outFile is null) { context.Out.Write(text); return ExitCodes.Success; }
        try { File.WriteAllText(outFile, text); }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException or System.ArgumentException or System.NotSupportedException)
        {
            context.Error.WriteLine($"--out {outFile}: error {CliDiagnosticIds.CannotWriteOutput}: cannot write the file ({ex.Message}); check that its folder exists and is writable");
            return ExitCodes.ModelErrors;
        }
        return ExitCodes.Success;
    }
}
