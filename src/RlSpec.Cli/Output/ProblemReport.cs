using System.Globalization;
using System.IO;
using System.Linq;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Cli.Output;

/// <summary>
/// What <c>rlspec solve</c> says about an optimization problem until a default method runs: its variables and
/// domains, its objective at the declared initialization, and where methods are compared (an experiment).
/// </summary>
public static class ProblemReport
{
    public static void Write(TextWriter output, string name, IOptimizationProblem problem)
    {
        var c = CultureInfo.InvariantCulture;
        var terms = problem.Terms > 1 ? string.Create(c, $", a finite sum of {problem.Terms:N0} terms") : "";
        output.WriteLine(string.Create(c, $"{name}: an optimization problem with {problem.Dimension:N0} numbers in x{terms}{(problem.IsOnline ? ", a loss per round" : "")}."));
        foreach (var v in problem.Variables)
        {
            var shape = v.Rows * v.Columns == 1 ? "scalar" : v.Columns == 1 ? $"vector({v.Rows})" : $"matrix({v.Rows}, {v.Columns})";
            var domain = v.Domain switch
            {
                VariableDomain.Box => string.Create(c, $"box({v.Lower:G6}, {v.Upper:G6})"),
                VariableDomain.Ball => string.Create(c, $"ball({v.Upper:G6})"),
                _ => v.Domain.ToString().ToLowerInvariant(),
            };
            output.WriteLine($"  {v.Name} : {shape} in {domain}{(v.Maximized ? " (maximized)" : "")}");
        }
        var x = new double[problem.Dimension];
        var random = RandomStream.Create(0, 0);
        problem.Initialize(x, ref random);
        output.WriteLine(string.Create(c, $"Objective at the initialization: {problem.Objective(x, 1):G10}."));
        output.WriteLine("A problem is solved by first-order methods: compare them in an `experiment` block with `rlspec run` (docs/optimization.md).");
    }
}
