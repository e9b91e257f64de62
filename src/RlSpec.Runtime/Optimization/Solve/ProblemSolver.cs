using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Optimization.Metrics;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Solve;

/// <summary>
/// <c>rlspec solve</c> on a problem: runs one first-order method of Optimization/Methods (picked by
/// <see cref="DefaultMethodRule"/> unless given) from the declared initialization until a certificate is at most the
/// tolerance, or the iteration limit. The step is 1/L̂ with L̂ = 1.1 × the power-iteration estimate of the gradient's
/// Lipschitz constant at x₀ (<see cref="SmoothnessEstimate"/>; power iteration approaches L from below); when the
/// objective stops being finite during a run (or, for gradient descent, increases between two checks) the step is
/// divided by 10 and the run starts again (at most 3 times),
/// after that, and at a non-finite initialization, the solve fails with <see cref="ProblemSolveErrorIds.NonFinite"/>.
/// The certificate is checked every 10 iterations (every 100 for the restricted duality gap, which solves two inner
/// problems): the gradient-mapping norm ‖x − Π(x − η∇f(x))‖/η (the prox-gradient mapping with <c>regularize l1</c>),
/// for a saddle problem the same residual of the operator (∇x f, −∇y f) or, with a declared gap radius, the restricted
/// duality gap, and for a non-smooth objective the relative progress of the best objective over the last half of the run
/// (a heuristic: a sub-gradient gives no optimality certificate). Every step and check allocates nothing.
/// </summary>
public static class ProblemSolver
{
    /// <summary>Iterations between two certificate checks.</summary>
    public const int CheckEvery = 10;

    /// <summary>Checks before the sub-gradient method's progress heuristic may stop a run (1,000 iterations): its objective is not monotone.</summary>
    public const int MinimumSubgradientChecks = 100;

    /// <summary>Iterations between two checks of the restricted duality gap.</summary>
    public const int GapCheckEvery = 100;

    /// <summary>Solves <paramref name="problem"/>; the targets (declared optimum, gap radius) add the distance and the restricted duality gap.</summary>
    /// <exception cref="ProblemSolveException">An invalid option, a method that does not fit, an online problem, or a non-finite objective or gradient.</exception>
    public static ProblemSolution Solve<TProblem>(TProblem problem, ProblemStructure structure, SolveOptions options, OptimizationTargets? targets = null)
        where TProblem : struct, ICompositeProblem
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(options);
        targets ??= new OptimizationTargets();
        if (!(options.Tolerance > 0) || double.IsInfinity(options.Tolerance))
            throw new ProblemSolveException(ProblemSolveErrorIds.InvalidOption, $"the tolerance must be positive and finite, not {options.Tolerance}; e.g. --tolerance 1e-6");
        if (options.MaxIterations < 1 || options.MaxIterations > 1_000_000_000)
            throw new ProblemSolveException(ProblemSolveErrorIds.InvalidOption, $"the iteration limit must be between 1 and 1,000,000,000, not {options.MaxIterations}; e.g. --max-iterations 100000");
        if (targets.Optimum is { } o && o.Length != problem.Dimension)
            throw new ProblemSolveException(ProblemSolveErrorIds.InvalidOption, $"the declared optimum has {o.Length} entries, the problem {problem.Dimension}");
        bool saddle = problem.Variables.Any(v => v.Maximized);
        if (problem.IsOnline)
            throw new ProblemSolveException(ProblemSolveErrorIds.MethodDoesNotFit, DefaultMethodRule.Choose(problem, structure).Reason);

        // The declared initialization, where every run starts (the methods' Reset draws the same x₀ from the same stream).
        int n = problem.Dimension;
        var x0 = new double[n];
        var random = RandomStream.Create(0, 0);
        problem.Initialize(x0, ref random);
        problem.Project(x0);
        var g0 = new double[n];
        double f0 = problem.Gradient(x0, g0, 1);
        if (!double.IsFinite(f0))
            throw new ProblemSolveException(ProblemSolveErrorIds.NonFinite,
                $"the objective at the initialization is {Show(f0)}, not a finite number; start where it is finite (`init ...`) or restrict the variable (`in box(lo, hi)`) so that no exp overflows and no log or sqrt reads a negative number");
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(g0[i]))
                throw new ProblemSolveException(ProblemSolveErrorIds.NonFinite,
                    $"the gradient at the initialization is {Show(g0[i])} in {Entry(problem.Variables, i)}; start where the objective is differentiable (`init ...`), e.g. away from sqrt or log of 0");

        bool smoothPart = structure.HasL1Regularizer;
        var curvature = SmoothnessEstimate.At(ref problem, x0, smoothPart);
        var (chosen, reason) = DefaultMethodRule.Choose(problem, structure, curvature);
        var method = options.Method ?? chosen!.Value;
        if (options.Method is { } asked) reason = $"--method {asked.Name()}";
        CheckFits(problem, structure, method, saddle);
        if (method != SolveMethod.Subgradient && !double.IsFinite(curvature.Largest))
            throw new ProblemSolveException(ProblemSolveErrorIds.NonFinite,
                "the gradient is not finite next to the initialization (its finite differences overflow); start where the objective is finite (`init ...`) or restrict the variable's domain");

        double lipschitz = double.IsFinite(curvature.Largest) && curvature.Largest > 1e-12 ? 1.1 * curvature.Largest : 1;
        double mu = method == SolveMethod.Nesterov && double.IsFinite(curvature.Smallest) ? Math.Clamp(curvature.Smallest, 0, lipschitz) : 0;
        double reportedMu = mu;
        double scale = Math.Max(1, Dense.Norm(x0));
        double step = method switch
        {
            SolveMethod.Extragradient => 0.5 / lipschitz,
            SolveMethod.OptimisticGda => 0.25 / lipschitz,
            SolveMethod.Subgradient => 0.1 * scale,
            _ => 1 / lipschitz,
        };
        var run = new Runner<TProblem>(problem, structure, options, targets, saddle, n);
        for (int reductions = 0; ; reductions++)
        {
            run.Eta = method == SolveMethod.Subgradient ? 1 / lipschitz : step;
            // Gradient descent with a step below 2/L decreases f at every step: an increase between two checks means the
            // curvature grew past the estimate at x₀ (e.g. matrix sensing leaving its small initialization).
            run.Monotone = method == SolveMethod.GradientDescent && reductions < 3;
            var outcome = method switch
            {
                SolveMethod.GradientDescent => run.Run(new ProjectedGradient<TProblem>(StepSchedule.Constant(step))),
                SolveMethod.Nesterov => run.Run(new Nesterov<TProblem>(step, mu)),
                SolveMethod.ProximalGradient => run.Run(new ProximalGradient<TProblem>(step, accelerated: true)),
                SolveMethod.FrankWolfe => run.Run(new FrankWolfe<TProblem>()),
                SolveMethod.Subgradient => run.Run(new SubgradientMethod<TProblem>(StepSchedule.InverseSqrt(step), normalized: true)),
                SolveMethod.Extragradient => run.Run(new SaddlePointMethods<TProblem>(SaddleAlgorithm.Extragradient, StepSchedule.Constant(step))),
                _ => run.Run(new SaddlePointMethods<TProblem>(SaddleAlgorithm.OptimisticGradientDescentAscent, StepSchedule.Constant(step))),
            };
            if (outcome.Increased) { step /= 10; continue; }
            if (outcome.NonFiniteAt is long k)
            {
                if (reductions < 3 && method != SolveMethod.FrankWolfe) { step /= 10; mu = Math.Min(mu * 10, 1 / step); continue; } // same momentum μη
                throw new ProblemSolveException(ProblemSolveErrorIds.NonFinite,
                    $"the objective became {Show(outcome.Value)} at iteration {k:N0} of {method.Name()} (step {step:G3}, after {reductions} reductions by 10): " +
                    "it may be unbounded below on the variables' domains, or leave the region where it is defined; bound the variables (`in box(lo, hi)`, `in ball(r)`) or fix the objective");
            }
            double? distance = targets.Optimum is { } star ? Dense.Distance(run.X, star) : null;
            double? gap = saddle && targets.GapRadius is double r ? new RestrictedDualityGap<TProblem>(problem, r, targets.Optimum).At(run.X) : null;
            var metrics = new double[problem.MetricNames.Count];
            problem.Metrics(run.X, metrics);
            return new ProblemSolution(method, reason, step, lipschitz, reportedMu, reductions, outcome.Iterations, outcome.Converged, run.CertificateName(method),
                outcome.Certificate, options.Tolerance, problem.Objective(run.X, 1), run.X, [.. problem.Variables], distance, gap, saddle ? targets.GapRadius : null)
            {
                Metrics = metrics,
                MetricNames = [.. problem.MetricNames],
            };
        }
    }

    /// <summary>Refuses a method that cannot run on the problem, naming the ones that can.</summary>
    private static void CheckFits<TProblem>(TProblem problem, ProblemStructure structure, SolveMethod method, bool saddle) where TProblem : struct, ICompositeProblem
    {
        bool saddleMethod = method is SolveMethod.Extragradient or SolveMethod.OptimisticGda;
        var unbounded = problem.Variables.FirstOrDefault(v => v.Domain is VariableDomain.Reals or VariableDomain.Nonnegative);
        var constrained = problem.Variables.FirstOrDefault(v => v.Domain != VariableDomain.Reals);
        string? misfit =
            saddleMethod && !saddle ? $"{method.Name()} is a saddle-point method and the problem minimizes" :
            !saddleMethod && saddle ? $"{method.Name()} minimizes and the problem is a saddle problem (min x max y)" :
            method == SolveMethod.ProximalGradient && !structure.HasL1Regularizer ? "proximal_gradient takes proximal steps for `regularize l1(x, λ)` and the problem has none" :
            method == SolveMethod.ProximalGradient && constrained is not null ? $"proximal_gradient needs unconstrained variables and '{constrained.Name}' is on the {constrained.Domain.ToString().ToLowerInvariant()} domain" :
            method == SolveMethod.FrankWolfe && unbounded is not null ? $"frank_wolfe needs bounded domains (simplex, box, ball) and '{unbounded.Name}' is on the {unbounded.Domain.ToString().ToLowerInvariant()} domain" :
            null;
        if (misfit is null) return;
        var fitting = SolveMethodNames.All.Where(m => Fits(m.Method)).Select(m => m.Name);
        throw new ProblemSolveException(ProblemSolveErrorIds.MethodDoesNotFit, $"{misfit}; use one of {string.Join(", ", fitting)}, or leave --method out for the default");

        bool Fits(SolveMethod m) => m switch
        {
            SolveMethod.Extragradient or SolveMethod.OptimisticGda => saddle,
            SolveMethod.ProximalGradient => !saddle && structure.HasL1Regularizer && constrained is null,
            SolveMethod.FrankWolfe => !saddle && unbounded is null,
            _ => !saddle,
        };
    }

    private static string Entry(IReadOnlyList<VariableBlock> variables, int i)
    {
        var v = variables.First(b => i >= b.Offset && i < b.Offset + b.Length);
        int k = i - v.Offset;
        return v.Length == 1 ? $"'{v.Name}'" : v.Columns == 1 ? $"'{v.Name}[{k}]'" : $"'{v.Name}[{k / v.Columns}][{k % v.Columns}]'";
    }

    private static string Show(double v) => double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "−∞" : v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How one run ended: at the tolerance, at the limit, or at a non-finite objective (its iteration and value).</summary>
    private readonly record struct Outcome(long Iterations, bool Converged, double Certificate, long? NonFiniteAt, double Value, bool Increased = false);

    /// <summary>The buffers of the runs and the certificate computations (allocated once per solve).</summary>
    private sealed class Runner<TProblem> where TProblem : struct, ICompositeProblem
    {
        private TProblem _problem;
        private readonly ProblemStructure _structure;
        private readonly SolveOptions _options;
        private readonly OptimizationTargets _targets;
        private readonly bool _saddle;
        private readonly double[] _g, _y, _sign, _best, _bestAtCheck;
        private readonly RestrictedDualityGap<TProblem>? _gap;

        public Runner(TProblem problem, ProblemStructure structure, SolveOptions options, OptimizationTargets targets, bool saddle, int n)
        {
            _problem = problem;
            _structure = structure;
            _options = options;
            _targets = targets;
            _saddle = saddle;
            _g = new double[n];
            _y = new double[n];
            _best = new double[n];
            X = new double[n];
            _sign = new double[n];
            Array.Fill(_sign, 1.0);
            foreach (var v in problem.Variables) if (v.Maximized) _sign.AsSpan(v.Offset, v.Length).Fill(-1.0);
            _bestAtCheck = new double[options.MaxIterations / CheckEvery + 2];
            if (saddle && targets.GapRadius is double r) _gap = new RestrictedDualityGap<TProblem>(problem, r, targets.Optimum);
        }

        /// <summary>Whether an objective that increases between two checks ends the run (for a step reduction).</summary>
        public bool Monotone { get; set; }

        /// <summary>The step of the gradient mapping in the certificate (1/L̂).</summary>
        public double Eta { get; set; }

        /// <summary>The solution of the last run: its last iterate (the best iterate for the sub-gradient method).</summary>
        public double[] X { get; }

        public string CertificateName(SolveMethod method) =>
            method == SolveMethod.Subgradient ? "best_objective_progress" :
            _gap is not null ? "restricted_duality_gap" :
            _saddle ? "saddle_residual" :
            _structure.HasL1Regularizer && method == SolveMethod.ProximalGradient ? "prox_gradient_mapping_norm" : "gradient_mapping_norm";

        public Outcome Run<TMethod>(TMethod method) where TMethod : struct, IFirstOrderMethod<TProblem>
        {
            var random = RandomStream.Create(0, 0);
            long limit = _options.MaxIterations;
            method.Reset(_problem, limit, ref random);
            bool subgradient = method is SubgradientMethod<TProblem>;
            bool prox = method is ProximalGradient<TProblem>;
            double bestValue = double.PositiveInfinity;
            if (subgradient) { bestValue = _problem.Objective(method.Iterate, 1); method.Iterate.CopyTo(_best); }
            double certificate = double.PositiveInfinity, previous = _problem.Objective(method.Iterate, 1);
            int checks = 0;
            for (long k = 1; k <= limit; k++)
            {
                method.Step(k, ref random);
                if (!double.IsFinite(method.LastObjective)) return new Outcome(k, false, certificate, k, method.LastObjective);
                if (subgradient)
                {
                    double f = _problem.Objective(method.Iterate, 1);
                    if (!double.IsFinite(f)) return new Outcome(k, false, certificate, k, f);
                    if (f < bestValue) { bestValue = f; method.Iterate.CopyTo(_best); }
                }
                bool gapCheck = _gap is not null && !subgradient;
                if (k % (gapCheck ? GapCheckEvery : CheckEvery) != 0 && k != limit) continue;
                if (subgradient)
                {
                    _bestAtCheck[checks] = bestValue;
                    certificate = checks >= MinimumSubgradientChecks ? (_bestAtCheck[checks / 2] - bestValue) / Math.Max(1, Math.Abs(bestValue)) : double.PositiveInfinity;
                    checks++;
                }
                else
                {
                    var x = method.Iterate;
                    double f = _problem.Objective(x, 1);
                    if (!double.IsFinite(f)) return new Outcome(k, false, certificate, k, f);
                    if (Monotone && f > previous + 1e-12 * Math.Abs(previous)) return new Outcome(k, false, certificate, null, f, Increased: true);
                    previous = f;
                    certificate = gapCheck ? _gap!.At(x) : Mapping(x, prox);
                    if (!double.IsFinite(certificate)) return new Outcome(k, false, certificate, k, certificate);
                }
                if (certificate <= _options.Tolerance || k == limit)
                {
                    (subgradient ? _best : method.Iterate).CopyTo(X);
                    return new Outcome(k, certificate <= _options.Tolerance, certificate, null, 0);
                }
            }
            throw new InvalidOperationException("unreachable: the last iteration returns");
        }

        /// <summary>‖x − Π(x − η F(x))‖/η with F the gradient (with the max player's part negated); the prox of the l1 regularizer in place of Π.</summary>
        private double Mapping(ReadOnlySpan<double> x, bool prox)
        {
            double eta = Eta;
            if (prox) _problem.SmoothGradient(x, _g, 1);
            else _problem.Gradient(x, _g, 1);
            for (int i = 0; i < _y.Length; i++) _y[i] = x[i] - eta * _sign[i] * _g[i];
            if (prox) _problem.Proximal(_y, eta);
            else _problem.Project(_y);
            return Dense.Distance(x, _y) / eta;
        }
    }
}
