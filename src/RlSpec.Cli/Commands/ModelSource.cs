using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Cli.Output;
using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Cli.Commands;

/// <summary>Reads a .rlspec file, applies -p overrides, and compiles it; problems become diagnostics.</summary>
internal static class ModelSource
{
    public sealed record Loaded(string Path, CompilationResult? Result, IReadOnlyList<Diagnostic> Diagnostics)
    {
        /// <summary>Each model's IR by name (for the interpreted engine); empty when compilation failed.</summary>
        public IReadOnlyDictionary<string, object> Irs { get; init; } = new Dictionary<string, object>();

        public bool HasErrors => Diagnostics.Any(d => d.IsError);
    }

    public static Loaded Load(string path, string[]? overrides)
    {
        var diagnostics = new List<Diagnostic>();
        var parsed = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var item in overrides ?? System.Array.Empty<string>())
        {
            int eq = item.IndexOf('=');
            var name = eq > 0 ? item.Substring(0, eq).Trim() : "";
            if (eq <= 0 || name.Length == 0 || eq == item.Length - 1)
            {
                // The mistake is on the command line, not in a file: located at the option itself.
                diagnostics.Add(new Diagnostic(DiagnosticIds.MalformedOverride, Severity.Error,
                    "write a parameter override as name=value, e.g. -p N=12", DiagnosticText.CommandLine("-p " + item)));
                continue;
            }
            parsed[name] = item.Substring(eq + 1);
        }
        if (!File.Exists(path))
        {
            diagnostics.Add(new Diagnostic(DiagnosticIds.FileNotFound, Severity.Error,
                Directory.Exists(path) ? $"'{path}' is a directory; give a .rlspec file" : $"file '{path}' not found",
                SourceSpan.FileStart(path)));
            return new Loaded(path, null, diagnostics);
        }
        if (diagnostics.Count > 0) return new Loaded(path, null, diagnostics);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticIds.FileNotFound, Severity.Error, $"cannot read '{path}': {ex.Message}", SourceSpan.FileStart(path)));
            return new Loaded(path, null, diagnostics);
        }
        var (result, irs) = RlSpecCompiler.CompileWithIr(path, text, parsed, default, new Hosting.FileDataFiles(path));
        diagnostics.AddRange(result.Diagnostics);
        return new Loaded(path, result, diagnostics) { Irs = irs };
    }

    /// <summary>Picks the model named by --model, or the only/first one; null with a diagnostic if absent.</summary>
    public static GeneratedModel? Select(Loaded loaded, string? name, List<Diagnostic> diagnostics)
    {
        var models = loaded.Result?.Models ?? new List<GeneratedModel>();
        if (name is null) return models.FirstOrDefault();
        var model = models.FirstOrDefault(m => m.Name == name);
        if (model is null)
            diagnostics.Add(new Diagnostic(DiagnosticIds.ModelNotFound, Severity.Error,
                $"the file has no model of that name; it declares {string.Join(", ", models.Select(m => m.Name))}",
                DiagnosticText.CommandLine("--model " + name)));
        return model;
    }
}
