using System;
using System.IO;

namespace RlSpec.Tests.Infrastructure;

/// <summary>Locations in the repository, found from the test assembly's folder.</summary>
public static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string Tests => Path.Combine(Root, "tests", "RlSpec.Tests");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DSL.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (DSL.sln)");
    }
}
