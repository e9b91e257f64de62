using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace RlSpec.Tests.Infrastructure;

/// <summary>
/// Snapshot testing in Verify's conventions (the Verify package does not restore here): the approved
/// text lives next to the test as <c>NAME.verified.EXT</c>; a mismatch writes <c>NAME.received.EXT</c>
/// beside it and fails. Set <c>RLSPEC_ACCEPT=1</c> to accept received output as the new baseline.
/// Line endings are normalized to '\n'.
/// </summary>
public static class Snapshot
{
    public static bool Accepting =>
        Environment.GetEnvironmentVariable("RLSPEC_ACCEPT") is "1" or "true";

    public static void Verify(string actual, string name, string extension = "txt", string? directory = null, [CallerFilePath] string callerFile = "")
    {
        var dir = directory ?? Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        Directory.CreateDirectory(dir);
        var verified = Path.Combine(dir, $"{name}.verified.{extension}");
        var received = Path.Combine(dir, $"{name}.received.{extension}");
        actual = Normalize(actual);
        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (Accepting)
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        throw new XunitException(expected is null
            ? $"No approved snapshot {verified}. Review {received} and rename it to .verified.{extension} (or run with RLSPEC_ACCEPT=1)."
            : $"Snapshot {name} differs from {verified}; see {received}. {FirstDifference(expected, actual)} Run with RLSPEC_ACCEPT=1 to accept.");
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end>";
            var y = i < a.Length ? a[i] : "<end>";
            if (x != y) return $"First difference at line {i + 1}: expected `{x}` but got `{y}`.";
        }
        return "";
    }
}
