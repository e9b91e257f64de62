using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using RlSpec.Runtime.Hosting;

namespace RlSpec.Cli.Output;

/// <summary>
/// What a result file records about the run that produced it besides the numbers: the tool's
/// version, and the parameter values the model was built with (defaults with -p overrides applied).
/// </summary>
internal static class RunInfo
{
    /// <summary>The version of <c>rlspec</c> (Directory.Build.props), without source-control metadata.</summary>
    public static string ToolVersion { get; } = ReadVersion();

    /// <summary>
    /// The parameters of the hosted model and their values, in declaration order. The compiler bakes the
    /// -p overrides into the defaults of the emitted <c>Create</c> method and the CLI creates the model
    /// with those defaults, so the defaults are exactly the values used.
    /// </summary>
    public static IReadOnlyList<(string Name, object? Value)> Parameters(IMdpHost host)
    {
        var type = host.GetType();
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(MdpHost<>)) return Array.Empty<(string, object?)>();
        var create = type.GetGenericArguments()[0].GetMethod("Create", BindingFlags.Public | BindingFlags.Static);
        if (create is null) return Array.Empty<(string, object?)>();
        return create.GetParameters()
            .Where(p => p.HasDefaultValue)
            .Select(p => (p.Name ?? "", p.DefaultValue))
            .ToList();
    }

    private static string ReadVersion()
    {
        var version = typeof(RunInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(RunInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
