using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// The scaffolding the step-schedule methods share (gradient descent, projected gradient, the sub-gradient method,
/// SGD, AdaGrad, heavy-ball, Adam): the problem, the iterate buffers, the schedule and the planned length of the run;
/// a start at the (projected) initialization; and the end of every step, x ← Π(x) and the running average. Each
/// method keeps only its own update rule between <see cref="Gradient"/> and <see cref="Finish"/>.
/// </summary>
internal struct GradientIteration<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private readonly bool _projected;
    private long _iterations;

    /// <summary>The problem (a copy of the caller's struct; its gradient buffers are its own).</summary>
    public TProblem Problem;

    /// <summary>x, the gradient buffer, the running average and the last objective.</summary>
    public IterateBuffers B;

    /// <summary>
    /// A validated <paramref name="step"/> schedule; <paramref name="projected"/>: x₀ and every step are projected onto
    /// the variables' domains (false only for plain gradient descent, which ignores them).
    /// </summary>
    public GradientIteration(StepSchedule step, bool projected)
    {
        step.Validate();
        _step = step;
        _projected = projected;
        B = new IterateBuffers();
    }

    /// <summary>Starts a run of <paramref name="iterations"/> steps at the problem's (projected) x₀, also the average.</summary>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        Problem = problem;
        _iterations = iterations;
        B = IterateBuffers.Start(ref Problem, ref random);
        if (_projected)
        {
            Problem.Project(B.X);
            B.X.AsSpan().CopyTo(B.Average);
        }
    }

    /// <summary>η_k of the schedule.</summary>
    public readonly double Eta(long k) => _step.At(k, _iterations);

    /// <summary>∇f(x_k) (round k) into the gradient buffer; f(x_k) becomes the last objective.</summary>
    public void Gradient(long k) => B.LastObjective = Problem.Gradient(B.X, B.Gradient, k);

    /// <summary>x ← x − <paramref name="eta"/> · (the gradient buffer), then <see cref="Finish"/>.</summary>
    public void Descend(long k, double eta)
    {
        Dense.Axpy(-eta, B.Gradient, B.X);
        Finish(k);
    }

    /// <summary>The end of step k: x ← Π(x) (if projected) and x enters the running average.</summary>
    public void Finish(long k)
    {
        if (_projected) Problem.Project(B.X);
        B.Accumulate(k);
    }
}
