using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace RlSpec.Tests.Infrastructure;

/// <summary>Settings for the whole test process, made before any test runs.</summary>
internal static class TestEnvironment
{
    /// <summary>
    /// The CLI's cache of compiled models goes to a folder of this test run (inherited by the CLI processes the
    /// tests start), so tests neither read the user's cache nor fill it with thousands of fuzzed models.
    /// </summary>
    [ModuleInitializer]
    internal static void IsolateModelCache()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rlspec-test-cache-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("RLSPEC_CACHE_DIR", dir);
    }
}
