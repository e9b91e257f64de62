using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RlSpec.Cli.Hosting;
using Xunit;

namespace RlSpec.Tests.Fuzzing;

/// <summary>
/// Inputs the fuzzer found (or issue 6 reported) that once failed, each with the symptom it had:
/// stack overflow, integer overflow, C# name collisions, hint names with '@'. They all pass now and run
/// in every test run as regressions, through every host. The CI fuzzer still leaves these shapes out of
/// its random generation (RLSPEC_FUZZ_KNOWN=1 puts them back), to keep CI fast.
/// </summary>
public class KnownFailures
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    private static string WithReward(string reward) =>
        "mdp M {\n  state s in 0..3\n  action a\n  discount 0.9\n  a: stay\n  reward a: " + reward + "\n}\n";

    private static string Named(string model, string param = "N", string state = "s", string action = "a") =>
        $"mdp {model} {{\n  param {param} = 2\n  state {state} in 0..{param}\n  action {action}\n  discount 0.9\n  {action}: {state}' = min({state} + 1, {param})\n  reward {action}: 1\n}}\n";

    /// <summary>Name, input, symptom today.</summary>
    public static readonly (string Name, string Text, string Symptom)[] Cases =
    {
        // Generator hint names: a model name that C# needs escaped gives an '@' in the hint name.
        ("model-named-value", Named("value"), "generator: RLS9999 internal error, hint name 'fuzz.@value.g.cs' contains '@'"),
        ("model-named-nameof", Named("nameof"), "generator: RLS9999 internal error, hint name 'fuzz.@nameof.g.cs' contains '@'"),
        ("model-named-class", Named("class"), "generator: RLS9999 internal error, hint name contains '@'"),
        // Emitted C# that does not compile for legal names.
        ("model-named-Criterion", Named("Criterion"), "emitted C#: CS0738/CS0523/CS0542/CS1061 (the struct shadows IMdp.Criterion)"),
        ("model-named-Math", Named("Math"), "CLI: RLS9998, CS0117 'Math' does not contain a definition for 'Min'"),
        ("model-named-System", Named("System"), "CLI: RLS9998, CS0426 the type name 'Collections' does not exist in the type 'System'"),
        ("model-named-IMdp", Named("IMdp"), "CLI: RLS9998, CS0527 type 'IMdp' in interface list is not an interface"),
        ("model-named-CultureInfo", Named("CultureInfo"), "CLI: RLS9998, CS0117 'CultureInfo' does not contain a definition for 'InvariantCulture'"),
        ("model-named-Create", Named("Create"), "CLI: RLS9998, CS0542 member names cannot be the same as their enclosing type"),
        ("model-named-Solve", Named("Solve"), "CLI: RLS9998, CS0542 member names cannot be the same as their enclosing type"),
        ("model-named-class-cli", Named("class"), "CLI: RLS9998, CS1001 identifier expected (a field name built from the escaped '@class')"),
        ("model-named-nameof-cli", Named("nameof"), "CLI: RLS9999, 'emitted assembly has no type RlSpec.Models.@nameof' (the type name keeps the '@')"),
        ("param-named-Math", Named("M", param: "Math"), "CLI: RLS9998, CS0176 member 'int.Min(int, int)' cannot be accessed with an instance reference"),
        ("param-named-nameof", Named("M", param: "nameof"), "CLI: RLS9998, CS0149 method name expected"),
        ("param-named-Functions", Named("M", param: "Functions"), "emitted C#: does not compile (issue 6)"),
        ("param-named-CultureInfo", Named("M", param: "CultureInfo"), "CLI: RLS9998, CS1061 'int' does not contain a definition for 'InvariantCulture'"),
        ("param-named-Criterion", Named("M", param: "Criterion"), "CLI: RLS9998, CS1061 'int' does not contain a definition for 'Discounted'"),
        ("state-named-Criterion", Named("M", state: "Criterion"), "emitted C#: does not compile (issue 6)"),
        ("action-named-Math", Named("M", action: "Math"), "CLI: RLS9998, CS0119 'M.Math<TVisitor>(...)' is a method (the action's method shadows System.Math)"),
        ("action-named-CultureInfo", Named("M", action: "CultureInfo"), "CLI: RLS9998, CS0119 'M.CultureInfo<TVisitor>(...)' is a method"),
        // Integer overflow and a constant folder that loops: 4 ^ 2147483647 takes about 10 s and wraps.
        ("power-by-int-max", "mdp M {\n  param N = 4\n  state s in 0..3\n  action a\n  discount 0.9\n  let k = N ^ 2147483647\n  a: stay\n  reward a: k\n}\n",
            "compiler: about 10 s in the constant folder, then 'no problems found' with a wrapped value"),
        ("param-squared-overflows", "mdp M {\n  param N = 100000\n  state s in 0..3\n  action a\n  discount 0.9\n  a: stay\n  reward a: N * N\n}\n",
            "solve: silent int overflow, exit 0: reward 1410065408 instead of 1e10, value 1.41e10 instead of 1e11"),
        // Compile time that grows faster than the square of the nesting depth.
        ("nested-lists-1000", WithReward(Repeat("[", 1000) + "1" + Repeat("]", 1000) + Repeat("[0]", 1000)), "compiler: 32 s (depth 500: 6.5 s, 2000: over 60 s)"),
        ("if-chain-2000", WithReward(Repeat("if s == 0 then 1 else ", 2000) + "0"), "compiler: about 6.5 s (depth 1000: 2.3 s)"),
        // Stack overflow on a normal-sized stack (issue 6): the process dies.
        ("parentheses-3000", WithReward(Repeat("(", 3000) + "1" + Repeat(")", 3000)), "stack overflow on a 1 MB stack (generator inside csc)"),
        ("flat-sum-10000", WithReward(string.Join(" + ", Enumerable.Repeat("1", 10000))), "stack overflow on a 1 MB stack"),
        ("if-chain-20000", WithReward(Repeat("if s == 0 then 1 else ", 20000) + "0"), "stack overflow on a 1 MB stack"),
        // Found by the CI fuzzer (seed fbvYbV321IH1): a negated negative literal was written as `--5`, the decrement operator.
        ("double-minus", "mdp M {\n  state s in 0..4\n  action a\n  discount 0.9\n  a: s' = clamp([j + 1 for j in 0..3][clamp(--5, 0, 3)], 0, 4)\n  reward a: 1 - -s\n}\n", "emitted C#: CS1059 the operand of an increment or decrement operator must be a variable"),
    };

    public static IEnumerable<object[]> Names() => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_host_handles_the_input(string name)
    {
        var text = Cases.Single(c => c.Name == name).Text;
        var clock = Stopwatch.StartNew();
        var result = FuzzTests.CompileChecked(text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the compiler took {clock.Elapsed.TotalSeconds:F1} s");
        FuzzTests.GenerateChecked(text);
        foreach (var model in result.Models)
        {
            var loaded = InMemoryModelCompiler.Load(model);
            Assert.True(loaded.Errors.Count == 0, string.Join("\n", loaded.Errors.Take(5)));
        }
    }
}
