using System.CommandLine;

namespace RlSpec.Cli.Commands;

/// <summary>Builds the command tree. Each verb lives in its own file.</summary>
public static class RlSpecCommandLine
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("RlSpec: compile .rlspec models of sequential decision problems and solve them.");
        root.Add(CheckCommand.Build(context));
        root.Add(EmitCommand.Build(context));
        root.Add(SolveCommand.Build(context));
        return root;
    }

    /// <summary>The options every verb that compiles a model shares.</summary>
    internal static Option<string[]> ParamOption() => new("--param", "-p")
    {
        Description = "Override a parameter: -p name=value (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    internal static Option<string> FormatOption() => new("--format")
    {
        Description = "Output format: text or json.",
        DefaultValueFactory = _ => "text",
    };

    internal static Option<string?> ModelOption() => new("--model")
    {
        Description = "Which model of the file (by name) when it declares several.",
    };
}
