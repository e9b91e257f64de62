using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Generators;
using RlSpec.Runtime.Solvers;
using Xunit;
using Xunit.Abstractions;

namespace RlSpec.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of every host with CsCheck (docs/testing.md): whatever the .rlspec text,
/// the compiler API, the emitted C# compiled with Roslyn and solved through the in-memory host, and
/// the source generator give diagnostics, never an exception and never an internal error (RLS999x).
/// <c>RLSPEC_FUZZ_CASES=100000</c> runs the long run; <c>RLSPEC_FUZZ_SEED</c> replays a failure.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Cases for a property: the CI default, or the long run's count from RLSPEC_FUZZ_CASES scaled to it.</summary>
    private static long Cases(long ci)
    {
        var text = Environment.GetEnvironmentVariable("RLSPEC_FUZZ_CASES");
        return long.TryParse(text, out long n) && n > 0 ? Math.Max(1, n * ci / CompilerCases) : ci;
    }

    private const long CompilerCases = 2000;

    private static string? Seed => Environment.GetEnvironmentVariable("RLSPEC_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    /// <summary>
    /// Deepest nesting and longest flat chain the adversarial inputs reach. Until the compiler has its
    /// nesting limit and non-recursive chains (issue 6, "Stack overflow"), every input runs on a thread
    /// with a large stack; CI stays at 150 because today's compile time grows with the square of the
    /// depth (an if-chain of 2,000 takes seconds); RLSPEC_FUZZ_DEPTH raises it (at most 2,000 until then).
    /// </summary>
    private static int MaxDepth => int.TryParse(Environment.GetEnvironmentVariable("RLSPEC_FUZZ_DEPTH"), out int d) && d > 0 ? d : 150;

    /// <summary>Inputs that fail today and are being fixed under issue 6 are generated only with RLSPEC_FUZZ_KNOWN=1 (see <see cref="KnownFailures"/>).</summary>
    private static bool IncludeKnownFailures => Environment.GetEnvironmentVariable("RLSPEC_FUZZ_KNOWN") is "1" or "true";

    private static string Print(string text) =>
        "\n----- input (" + text.Length + " chars) -----\n" + (text.Length > 3000 ? text.Substring(0, 1500) + "\n...\n" + text.Substring(text.Length - 1500) : text) + "\n-----";

    /// <summary>
    /// Runs on a thread with a 512 MB stack, so deep inputs test the compiler's logic rather than the
    /// test thread's stack, and turns a hang (over <paramref name="seconds"/>) into a failure with the input.
    /// </summary>
    private static void OnLargeStack(Action action, int seconds = 30)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { action(); }
            catch (Exception ex) { failure = ex; }
        }, 512 * 1024 * 1024) { IsBackground = true };
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(seconds))) throw new TimeoutException($"no answer within {seconds} s");
        if (failure is not null) throw new Exception(failure.GetType().Name + ": " + failure.Message, failure);
    }

    private static readonly string? TraceDirectory = Environment.GetEnvironmentVariable("RLSPEC_FUZZ_TRACE");

    /// <summary>The compiler's promise for any text: diagnostics with an RLS id and a location, no internal error, no models when there is an error.</summary>
    internal static CompilationResult CompileChecked(string text)
    {
        CompilationResult? result = null;
        if (TraceDirectory is not null) System.IO.File.WriteAllText(System.IO.Path.Combine(TraceDirectory, $"case-{Environment.CurrentManagedThreadId}.rlspec"), text, new System.Text.UTF8Encoding(false, false));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        OnLargeStack(() => result = RlSpecCompiler.Compile("fuzz.rlspec", text));
        if (TraceDirectory is not null && clock.ElapsedMilliseconds > 300)
            System.IO.File.WriteAllText(System.IO.Path.Combine(TraceDirectory, $"slow-{clock.ElapsedMilliseconds}-{Guid.NewGuid():N}.rlspec"), text, new System.Text.UTF8Encoding(false, false));
        foreach (var d in result!.Diagnostics)
        {
            Assert.Matches("^RLS[0-9]{4}$", d.Id);
            Assert.False(d.Id.StartsWith("RLS99", StringComparison.Ordinal), "internal error: " + d.Format());
            Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, "diagnostic without a location: " + d.Format());
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        }
        if (result.HasErrors) Assert.Empty(result.Models);
        return result;
    }

    [Fact]
    public void The_compiler_gives_diagnostics_for_any_input_and_never_throws()
    {
        var options = new ModelGenerator.Options(Tame: false, CollidingNames: true, MaxDepth: MaxDepth, KnownFailures: IncludeKnownFailures);
        int clean = 0, errors = 0;
        ModelGenerator.Models(options).Sample(text =>
        {
            var result = CompileChecked(text);
            if (result.HasErrors) Interlocked.Increment(ref errors);
            else Interlocked.Increment(ref clean);
        }, iter: Cases(CompilerCases), seed: Seed, print: Print);
        output.WriteLine($"{clean} compiled cleanly, {errors} with errors");
        // The generator must reach both sides: valid models and broken ones.
        Assert.True(clean >= Cases(CompilerCases) / 10, $"only {clean} of the generated models compiled");
        Assert.True(errors >= Cases(CompilerCases) / 10, $"only {errors} of the generated models had errors");
    }

    [Fact]
    public void Emitted_code_compiles_and_solves_or_reports_a_model_error()
    {
        var options = new ModelGenerator.Options(Tame: true, CollidingNames: IncludeKnownFailures, MaxDepth: 20, KnownFailures: IncludeKnownFailures);
        int solved = 0;
        long wanted = Cases(24);
        ModelGenerator.Models(options).Sample(text =>
        {
            if (Volatile.Read(ref solved) >= wanted) return;
            var result = CompileChecked(text);
            if (result.HasErrors) return;
            foreach (var model in result.Models)
            {
                var loaded = InMemoryModelCompiler.Load(model);
                Assert.True(loaded.Errors.Count == 0, "the emitted C# does not compile:\n" + string.Join("\n", loaded.Errors.Take(5)));
                var host = loaded.MdpHost!;
                if (host.Validate().Count > 0) continue; // located model errors, what the CLI reports
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    var solution = host.Solve(new SolverOptions { MaxIterations = 20_000, CancellationToken = timeout.Token });
                    Assert.Equal(host.StateCount, solution.Values.Length);
                }
                catch (MdpSolverException) { } // a model the solver refuses, with its reason
                catch (OperationCanceledException) when (timeout.IsCancellationRequested) { }
            }
            Interlocked.Increment(ref solved);
        }, iter: wanted * 6, threads: 1, seed: Seed, print: Print);
        output.WriteLine($"{solved} models compiled with Roslyn and solved");
        Assert.True(solved >= wanted, $"only {solved} generated models compiled cleanly; wanted {wanted}");
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private static readonly CSharpCompilation Consumer =
        CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>The generator's promise: RLS diagnostics located in the .rlspec file, never an exception or an internal error.</summary>
    internal static void GenerateChecked(string text, string path = "/models/fuzz.rlspec")
    {
        GeneratorDriverRunResult? run = null;
        OnLargeStack(() =>
        {
            var driver = CSharpGeneratorDriver.Create(new[] { new RlSpecGenerator().AsSourceGenerator() },
                additionalTexts: ImmutableArray.Create<AdditionalText>(new InMemoryText(path, text)));
            run = driver.RunGenerators(Consumer).GetRunResult();
        });
        var result = run!.Results.Single();
        Assert.True(result.Exception is null, "the generator threw: " + result.Exception);
        foreach (var d in result.Diagnostics)
        {
            Assert.StartsWith("RLS", d.Id);
            Assert.False(d.Id.StartsWith("RLS99", StringComparison.Ordinal), "internal error: " + d);
            if (d.Severity == DiagnosticSeverity.Error) Assert.Equal(path, d.Location.GetLineSpan().Path);
        }
    }

    [Fact]
    public void The_source_generator_gives_diagnostics_for_any_input_and_never_throws()
    {
        var options = new ModelGenerator.Options(Tame: false, CollidingNames: IncludeKnownFailures, MaxDepth: 200, KnownFailures: IncludeKnownFailures);
        ModelGenerator.Models(options).Sample(text => GenerateChecked(text), iter: Cases(150), seed: Seed, print: Print);
    }
}
