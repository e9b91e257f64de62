using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RlSpec.Cli;
using RlSpec.Tests.Infrastructure;
using RlSpec.Tests.Runtime.Optimization;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// <c>rlspec solve</c> on a problem, through the command line: answers checked against values computed here, the
/// default method per structure, and every failure a diagnostic with an id and a non-zero exit code (never an
/// Infinity or NaN printed with exit 0).
/// </summary>
public class ProblemSolveCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Example(string name) => Path.Combine(Paths.Examples, "optimization", name);

    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "rlspec-solve-" + Guid.NewGuid().ToString("N") + ".rlspec");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Least_squares_matches_the_normal_equations()
    {
        const int m = 7, n = 3;
        var d = new double[m * n];
        var y = new double[m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++) d[i * n + j] = ((7 * i + 13 * j + 5 * i * j * j) % 11 - 5) / 2.0; // full column rank
            y[i] = Math.Round(Math.Cos(0.8 * i) * 3, 3);
        }
        var rows = string.Join(", ", Enumerable.Range(0, m).Select(i => "[" + string.Join(", ", Enumerable.Range(0, n).Select(j => Number(d[i * n + j]))) + "]"));
        var path = Write($$"""
            problem Lsq {
              let A = [{{rows}}]
              let b = [{{string.Join(", ", y.Select(Number))}}]
              var x : vector({{n}}) init zeros
              minimize 0.5 * sqnorm(A * x - b) / {{m}}
            }
            """);
        var (code, output, error) = Run("solve", path, "--format", "json", "--tolerance", "1e-12");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("nesterov", root.GetProperty("method").GetString());
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.Equal("gradient_mapping_norm", root.GetProperty("certificate").GetProperty("name").GetString());
        var x = root.GetProperty("variables").GetProperty("x").GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var reference = ProblemSolverTests.NormalEquations(d, y, m, n);
        Assert.True(x.Select((v, j) => Math.Abs(v - reference[j])).Max() < 1e-9, $"{string.Join(", ", x)} vs {string.Join(", ", reference)}");
    }

    [Fact]
    public void Bilinear_saddle_reaches_its_saddle_point_with_extragradient()
    {
        var (code, output, error) = Run("solve", Example("bilinear-saddle.rlspec"), "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("extragradient", root.GetProperty("method").GetString());
        // The unique saddle point of xᵀAy (A nonsingular) is (0, 0).
        double norm = 0;
        foreach (var v in root.GetProperty("variables").EnumerateObject())
            foreach (var e in v.Value.GetProperty("values").EnumerateArray()) norm += e.GetDouble() * e.GetDouble();
        Assert.True(Math.Sqrt(norm) < 1e-5, $"‖(x, y)‖ = {Math.Sqrt(norm)}");
        // The example declares its saddle point and a gap radius: the certificate is the restricted duality gap.
        Assert.Equal("restricted_duality_gap", root.GetProperty("certificate").GetProperty("name").GetString());
        Assert.True(root.GetProperty("distance").GetDouble() < 1e-5);
    }

    [Fact]
    public void Text_output_names_the_method_the_certificate_and_the_objective()
    {
        var (code, output, error) = Run("solve", Example("lasso.rlspec"));
        Assert.True(code == 0, error);
        Assert.Contains("Lasso: proximal_gradient (an l1 regularizer", output);
        Assert.Matches(@"Converged after [0-9,]+ iterations: prox gradient mapping norm [0-9.Ee+-]+ ≤ 1E-06\.", output);
        Assert.Contains("Objective: ", output);
    }

    [Fact]
    public void An_online_problem_is_a_diagnostic_that_points_to_an_experiment()
    {
        var (code, output, error) = Run("solve", Example("online-quadratic.rlspec"));
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Equal("", output);
        Assert.Contains("error RLS0957: the loss changes every round", error);
        Assert.Contains("record online_regret", error);
    }

    [Fact]
    public void An_objective_that_overflows_at_the_initialization_is_RLS0956_and_prints_no_number()
    {
        var path = Write("problem Big {\n  var x : scalar init 10\n  minimize exp(exp(x))\n}\n");
        var (code, output, error) = Run("solve", path);
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Equal("", output);
        Assert.Contains("error RLS0956: the objective at the initialization is ∞", error);
        Assert.DoesNotContain("Infinity", output + error);
    }

    [Fact]
    public void An_objective_unbounded_below_is_RLS0956_after_the_step_reductions()
    {
        var path = Write("problem Falls {\n  var x : scalar init 0\n  minimize -exp(x)\n}\n");
        var (code, output, error) = Run("solve", path);
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Equal("", output);
        Assert.Contains("error RLS0956: the objective became −∞ at iteration", error);
        Assert.Contains("after 3 reductions by 10", error);
    }

    [Fact]
    public void A_step_that_leaves_the_domain_of_log_is_retried_smaller()
    {
        // f(x) = x − log x, minimum at x = 1; the curvature 1/x² at x₀ = 10 gives a step of ~100 that jumps to x < 0.
        var path = Write("problem Log {\n  var x : scalar init 10\n  minimize x - log(x)\n}\n");
        var (code, output, error) = Run("solve", path, "--format", "json", "--tolerance", "1e-10");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("step_reductions").GetInt32() >= 1);
        double x = json.RootElement.GetProperty("variables").GetProperty("x").GetProperty("values")[0].GetDouble();
        Assert.True(Math.Abs(x - 1) < 1e-9, $"x = {x}");
    }

    [Fact]
    public void The_iteration_limit_is_RLS0955_with_exit_code_4_and_the_answer_so_far()
    {
        var (code, output, error) = Run("solve", Example("quadratic.rlspec"), "--max-iterations", "5");
        Assert.Equal(ExitCodes.IterationLimit, code);
        Assert.Contains("Stopped at the iteration limit after 5 iterations", output);
        Assert.Contains("error RLS0955: nesterov did not meet the tolerance in 5 iterations", error);
        Assert.Contains("raise --max-iterations", error);
    }

    [Theory]
    [InlineData("--method", "extragradient", "--method extragradient: error RLS0957: extragradient is a saddle-point method")]
    [InlineData("--method", "fista", "--method fista: error RLS0957: unknown method for a problem")]
    [InlineData("--tolerance", "0", "--tolerance 0: error RLS0958: the tolerance must be positive")]
    [InlineData("--max-iterations", "0", "--max-iterations 0: error RLS0958: the iteration limit")]
    [InlineData("--policy", "left", "--policy: error RLS0958: --policy is an mdp option")]
    [InlineData("--threads", "2", "--threads: error RLS0958: --threads is an mdp option")]
    [InlineData("--format", "csv", "--format csv: error RLS0958: a problem's solution is written as text or json")]
    public void Options_that_do_not_fit_a_problem_are_diagnostics_at_the_option(string option, string value, string expected)
    {
        var (code, output, error) = Run("solve", Example("quadratic.rlspec"), option, value);
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_given_method_runs_instead_of_the_default()
    {
        var (code, output, error) = Run("solve", Example("quadratic.rlspec"), "--method", "gd", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("gd", json.RootElement.GetProperty("method").GetString());
        Assert.Equal("--method gd", json.RootElement.GetProperty("reason").GetString());
    }
}
