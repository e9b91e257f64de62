using System.Linq;
using RlSpec.Compiler;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// The warning RLS0902 of experiments on a problem: a method that needs smoothness on an objective with a non-smooth
/// operation is warned about once per method, naming the operation, its line and the sub-gradient the compiled gradient
/// uses; a method for non-smooth problems is not. (Errors are golden cases under Diagnostics/Cases, RLS0950–0954.)
/// </summary>
public class ProblemExperimentDiagnosticTests
{
    private const string Source = """
        problem Robust {
          let c = [1.0, 2.0, 3.0]
          var x : vector(3) init zeros
          minimize norm1(x - c)
        }
        experiment E on Robust {
          compare gd(step = 0.1), subgradient(step = 0.1, schedule = inverse_sqrt), nesterov(step = 0.1)
          iterations 100
        }
        """;

    [Fact]
    public void A_smooth_method_on_a_nonsmooth_objective_is_warned_about_with_the_subgradient()
    {
        var result = RlSpecCompiler.Compile("robust.rlspec", Source);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var warnings = result.Diagnostics.Where(d => d.Id == "RLS0902").ToList();
        Assert.Equal(2, warnings.Count); // gd and nesterov; not subgradient
        Assert.All(warnings, w => Assert.False(w.IsError));
        Assert.Equal(new[] { 7, 7 }, warnings.Select(w => w.Span.Line));
        Assert.Contains("gd assumes a differentiable objective, and Robust uses norm1 at line 4", warnings[0].Message);
        Assert.Contains("the sub-gradient sign(u), 0 where u = 0 is used", warnings[0].Message);
        Assert.StartsWith("nesterov", warnings[1].Message);
        Assert.Contains(result.Models, m => m.Kind == "experiment");
    }

    [Fact]
    public void A_smooth_objective_gets_no_warning()
    {
        var result = RlSpecCompiler.Compile("smooth.rlspec", Source.Replace("norm1(x - c)", "sqnorm(x - c)"));
        Assert.Empty(result.Diagnostics);
    }
}
