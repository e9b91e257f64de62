using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

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
        root.Add(RunCommand.Build(context));
        root.Add(MergeCommand.Build(context));
        root.Add(ExportNfgCommand.Build(context));
        return root;
    }

    /// <summary>
    /// The options every verb that compiles a model shares. A parameter given twice is wrong usage
    /// (exit 2): which of the two values was meant cannot be guessed.
    /// </summary>
    internal static Option<string[]> ParamOption()
    {
        var option = new Option<string[]>("--param", "-p")
        {
            Description = "Override a parameter: -p name=value (repeatable, once per parameter).",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var token in result.Tokens)
            {
                int eq = token.Value.IndexOf('=');
                if (eq <= 0) continue; // malformed: reported with its own diagnostic (RLS0402)
                var name = token.Value.Substring(0, eq).Trim();
                if (seen.TryGetValue(name, out var first))
                    result.AddError($"-p {token.Value}: parameter '{name}' is already set by -p {first}; give each parameter once");
                else seen[name] = token.Value;
            }
        });
        return option;
    }

    /// <summary>
    /// <c>--format</c> restricted to what the verb can write; anything else is wrong usage (exit 2),
    /// never a silent fallback to text.
    /// </summary>
    internal static Option<string> FormatOption(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join(", ", formats) + " (default text).",
            DefaultValueFactory = _ => "text",
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (!formats.Contains(token.Value, StringComparer.Ordinal))
                    result.AddError($"--format {token.Value}: this command writes {string.Join(", ", formats)}");
        });
        return option;
    }

    internal static Option<string?> ModelOption() => new("--model")
    {
        Description = "Which model of the file (by name) when it declares several.",
    };

    /// <summary><c>--no-cache</c>: compile the model's C# even when the cache of compiled models has it, and do not store it.</summary>
    internal static Option<bool> NoCacheOption() => new("--no-cache")
    {
        Description = "Compile the model's C# afresh instead of reusing the cache of compiled models (docs/cli.md).",
    };

    /// <summary>The cache of compiled models to use: none with --no-cache, else the user's (<see cref="Hosting.ModelAssemblyCache.ForUser"/>).</summary>
    internal static Hosting.ModelAssemblyCache? Cache(bool noCache) => noCache ? null : Hosting.ModelAssemblyCache.ForUser();
}
