using System;
using System.IO;
using System.Linq;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>No input may crash the compiler: mangled versions of every example give diagnostics, never exceptions.</summary>
public class RobustnessTests
{
    private static readonly string[] Fragments =
    {
        "{", "}", "(", ")", "[", "]", ":", "'", "@", "|", "..", "=", "~", "0", "1.5", "-", "/", "^", "when", "stay",
        "let", "param", "state", "action", "reward", "init", "until", "horizon", "t", "x'", "poisson(", "truncated", "\n", "\u00e9", "#", "\"",
    };

    [Fact]
    public void Mutated_examples_never_throw()
    {
        var random = new Random(12345);
        var sources = Directory.GetFiles(Paths.Examples, "*.rlspec").Select(File.ReadAllText).ToArray();
        int withErrors = 0;
        for (int iteration = 0; iteration < 1500; iteration++)
        {
            var text = sources[iteration % sources.Length];
            int edits = 1 + random.Next(3);
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0: // delete a span
                        int length = Math.Min(random.Next(1, 12), text.Length - at);
                        text = text.Remove(at, Math.Max(0, length));
                        break;
                    case 1: // insert a fragment
                        text = text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                        break;
                    default: // duplicate a line
                        var lines = text.Split('\n').ToList();
                        int line = random.Next(lines.Count);
                        lines.Insert(line, lines[line]);
                        text = string.Join("\n", lines);
                        break;
                }
            }
            CompilationResult result;
            try
            {
                result = RlSpecCompiler.Compile("fuzz.rlspec", text);
            }
            catch (Exception ex)
            {
                throw new Exception($"the compiler threw on iteration {iteration} for this input:\n{text}", ex);
            }
            if (result.HasErrors)
            {
                withErrors++;
                Assert.Empty(result.Models);
                Assert.All(result.Diagnostics, d => Assert.StartsWith("RLS", d.Id));
            }
        }
        Assert.True(withErrors > 300, $"the mutations should break most inputs; only {withErrors} did");
    }

    [Theory]
    [InlineData("class", "namespace", "static")]
    [InlineData("@", "\"", "\\")]
    public void Keywords_and_odd_characters_cannot_inject_code(string a, string b, string c)
    {
        var text = $"mdp {a} {{\n  param {b} = 3\n  state {c} in 0..{b}\n  action {a}\n  discount 0.9\n  {a}: stay\n}}\n";
        var result = RlSpecCompiler.Compile("inject.rlspec", text);
        if (result.HasErrors)
        {
            // Characters that are not identifiers are rejected by the lexer, with a diagnostic.
            Assert.Contains(result.Diagnostics, d => d.Id is "RLS0001" or "RLS0002");
            return;
        }
        var source = Assert.Single(result.Models).Source;
        Assert.Contains("public readonly partial struct @class", source);
        Assert.Contains("int @namespace", source);
    }
}
