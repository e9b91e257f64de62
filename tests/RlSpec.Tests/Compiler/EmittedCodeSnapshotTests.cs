using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// The C# emitted for every example is pinned by a snapshot (Snapshots/NAME.verified.cs), so a change
/// to the emitter shows up as a reviewable diff of readable code.
/// </summary>
public class EmittedCodeSnapshotTests
{
    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(Paths.Examples, "*.rlspec").Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0]);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Emitted_code_matches_the_snapshot(string file)
    {
        // A relative path keeps the snapshot independent of where the repository is cloned.
        var result = RlSpecCompiler.Compile("examples/" + file, File.ReadAllText(Path.Combine(Paths.Examples, file)));
        Assert.Empty(result.Diagnostics);
        var model = Assert.Single(result.Models);
        Snapshot.Verify(model.Source, model.Name, "cs");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Emitting_twice_gives_the_same_text(string file)
    {
        var text = File.ReadAllText(Path.Combine(Paths.Examples, file));
        var a = RlSpecCompiler.Compile(file, text).Models.Single().Source;
        var b = RlSpecCompiler.Compile(file, text).Models.Single().Source;
        Assert.Equal(a, b);
    }
}
