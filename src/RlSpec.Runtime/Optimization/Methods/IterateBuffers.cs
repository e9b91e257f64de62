using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// The state every method keeps: the iterate x, a gradient buffer, the running average of the iterates and the
/// last objective. One class so the bookkeeping exists once; its buffers are allocated in <see cref="Start"/>.
/// </summary>
internal sealed class IterateBuffers
{
    public double[] X = [];
    public double[] Gradient = [];
    public double[] Average = [];
    public double LastObjective;

    /// <summary>Allocates the buffers for <paramref name="dimension"/> and writes the problem's x₀ (also the average before step 1).</summary>
    public static IterateBuffers Start<TProblem>(ref TProblem problem, ref RandomStream random) where TProblem : struct, IOptimizationProblem
    {
        int n = problem.Dimension;
        var b = new IterateBuffers { X = new double[n], Gradient = new double[n], Average = new double[n] };
        problem.Initialize(b.X, ref random);
        b.X.AsSpan().CopyTo(b.Average);
        return b;
    }

    /// <summary>Adds x_k to the running average: avg ← avg + (x_k − avg)/k.</summary>
    public void Accumulate(long k)
    {
        double w = 1.0 / k;
        var x = X;
        var a = Average;
        for (int i = 0; i < a.Length; i++) a[i] += (x[i] - a[i]) * w;
    }
}

/// <summary>Small dense vector kernels of the methods (allocation-free).</summary>
internal static class Dense
{
    public static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < u.Length; i++) s += u[i] * v[i];
        return s;
    }

    public static double Norm(ReadOnlySpan<double> u) => Math.Sqrt(Dot(u, u));

    /// <summary>y ← y + a x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += a * x[i];
    }

    /// <summary>‖u − v‖₂.</summary>
    public static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double s = 0;
        for (int i = 0; i < u.Length; i++) { double d = u[i] - v[i]; s += d * d; }
        return Math.Sqrt(s);
    }
}
