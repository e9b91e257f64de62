using System;
using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using RlSpec.Models;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Optimization.Data;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Benchmarks;

/// <summary>
/// Time per gradient step of symmetric matrix sensing (n = 50, k = 5, m = 1000: examples/optimization/matrix-sensing.rlspec)
/// for the compiled gradient (the source-generated struct), a plain hand-written C# loop over the same packed
/// (upper-triangle) storage, the same loop with the runtime's SIMD kernels, and a MathNet implementation (the m × n² measurement matrix, two matrix-vector
/// products, as numpy code does it):
///   dotnet run -c Release --project bench/RlSpec.Benchmarks -- sensing-gradient [STEPS]
/// </summary>
public static class SensingGradient
{
    private const int N = 50, K = 5, M = 1000;

    public static void Run(string[] args)
    {
        int steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var problem = Sensing.Create();
        var x = new double[problem.Dimension];
        var random = RandomStream.Create(7, 1);
        problem.Initialize(x, ref random);
        for (int i = 0; i < x.Length; i++) x[i] += Sampling.Normal(ref random, 0, 0.1);
        var g = new double[x.Length];

        // The same sizes for the hand-written and MathNet versions (their own data; timing only).
        var packed = ProblemData.SymmetricGaussianPacked(M, N, 1.0, 2);
        var y = new double[M];
        for (int i = 0; i < M; i++) y[i] = Sampling.Normal(ref random, 0, 1);
        var hand = new HandWritten(packed, y);
        var handSimd = new HandWrittenSimd(packed, y);
        var full = ProblemData.Unpack(packed, M, N);
        var mathNet = new MathNetGradient(full, y);
        var gHand = new double[x.Length];
        var gMath = new double[x.Length];
        var gSimd = new double[x.Length];
        hand.Gradient(x, gHand);
        mathNet.Gradient(x, gMath);
        handSimd.Gradient(x, gSimd);
        double diff = 0, diffSimd = 0, scale = 0;
        for (int i = 0; i < x.Length; i++)
        {
            diff = Math.Max(diff, Math.Abs(gHand[i] - gMath[i]));
            diffSimd = Math.Max(diffSimd, Math.Abs(gHand[i] - gSimd[i]));
            scale = Math.Max(scale, Math.Abs(gHand[i]));
        }
        Console.WriteLine($"hand-written vs MathNet gradient: max |difference| {diff:E2}, vs hand-written SIMD {diffSimd:E2} (max entry {scale:E2})");

        // A and B alternate batch by batch in this one process, so load that comes and goes hits all of them alike.
        var times = TimeInterleaved(steps,
            () => problem.Gradient(x, g, 0),
            () => hand.Gradient(x, gHand),
            () => handSimd.Gradient(x, gSimd),
            () => mathNet.Gradient(x, gMath));
        var (compiled, handTime, simdTime, mathTime) = (times[0], times[1], times[2], times[3]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average {LoadAverage()}; medians of 7 alternating batches of {steps} steps"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiled            {compiled * 1e3:F3} ms/step"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hand-written        {handTime * 1e3:F3} ms/step  (compiled / hand-written = {compiled / handTime:F2}x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hand-written, SIMD  {simdTime * 1e3:F3} ms/step  (compiled / hand-written SIMD = {compiled / simdTime:F2}x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MathNet             {mathTime * 1e3:F3} ms/step  (compiled / MathNet = {compiled / mathTime:F2}x)"));
    }

    /// <summary>
    /// Seconds per call of each step: after a warm-up of every step (long enough for tiered compilation to reach its
    /// optimized code), 7 rounds in which each step runs a batch of <paramref name="steps"/> calls in turn; the median.
    /// </summary>
    private static double[] TimeInterleaved(int steps, params Action[] step)
    {
        foreach (var s in step) for (int i = 0; i < Math.Max(40, steps / 2); i++) s();
        var batches = new double[step.Length, 7];
        for (int b = 0; b < 7; b++)
            for (int j = 0; j < step.Length; j++)
            {
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < steps; i++) step[j]();
                batches[j, b] = clock.Elapsed.TotalSeconds / steps;
            }
        var medians = new double[step.Length];
        for (int j = 0; j < step.Length; j++)
        {
            var row = new double[7];
            for (int b = 0; b < 7; b++) row[b] = batches[j, b];
            Array.Sort(row);
            medians[j] = row[3];
        }
        return medians;
    }

    private static string LoadAverage() =>
        System.IO.File.Exists("/proc/loadavg") ? string.Join(' ', System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    /// <summary>
    /// f(X) = Σ_i (⟨A_i, XXᵀ⟩ − y_i)²/(4m), ∇f = (1/m) Σ_i r_i A_i X, A_i symmetric stored as the upper triangle:
    /// S = XXᵀ, r_i = Σ_{j≤l} w_jl A_i,jl S_jl (w = 1 on the diagonal, 2 off it), G = Σ_i r_i A_i (upper), ∇f = G X / m.
    /// </summary>
    private sealed class HandWritten(double[] packed, double[] y)
    {
        private readonly double[] _s = new double[N * (N + 1) / 2], _gram = new double[N * (N + 1) / 2];

        public void Gradient(double[] x, double[] g)
        {
            int p = 0;
            for (int j = 0; j < N; j++)
                for (int l = j; l < N; l++, p++)
                {
                    double s = 0;
                    for (int c = 0; c < K; c++) s += x[j * K + c] * x[l * K + c];
                    _s[p] = j == l ? s : 2 * s; // the off-diagonal weight folded in once
                }
            Array.Clear(_gram);
            int size = _s.Length;
            for (int i = 0; i < M; i++)
            {
                var a = packed.AsSpan(i * size, size);
                double r = -y[i];
                for (int q = 0; q < size; q++) r += a[q] * _s[q];
                for (int q = 0; q < size; q++) _gram[q] += r * a[q];
            }
            Array.Clear(g);
            p = 0;
            for (int j = 0; j < N; j++)
                for (int l = j; l < N; l++, p++)
                {
                    double v = _gram[p] / M;
                    for (int c = 0; c < K; c++)
                    {
                        g[j * K + c] += v * x[l * K + c];
                        if (l != j) g[l * K + c] += v * x[j * K + c];
                    }
                }
        }
    }

    /// <summary>
    /// The same loop with the runtime's SIMD kernels for the two passes over each packed A_i (what a careful C#
    /// programmer writes with System.Numerics.Vector; the emitted gradient calls the same kernels).
    /// </summary>
    private sealed class HandWrittenSimd(double[] packed, double[] y)
    {
        private readonly double[] _s = new double[N * (N + 1) / 2], _gram = new double[N * (N + 1) / 2];

        public void Gradient(double[] x, double[] g)
        {
            int p = 0;
            for (int j = 0; j < N; j++)
                for (int l = j; l < N; l++, p++)
                {
                    double s = 0;
                    for (int c = 0; c < K; c++) s += x[j * K + c] * x[l * K + c];
                    _s[p] = j == l ? s : 2 * s;
                }
            Array.Clear(_gram);
            int size = _s.Length;
            for (int i = 0; i < M; i++)
            {
                var a = packed.AsSpan(i * size, size);
                double r = MatrixProducts.Dot(a, _s) - y[i];
                MatrixProducts.AddScaled(_gram, a, r);
            }
            Array.Clear(g);
            p = 0;
            for (int j = 0; j < N; j++)
                for (int l = j; l < N; l++, p++)
                {
                    double v = _gram[p] / M;
                    for (int c = 0; c < K; c++)
                    {
                        g[j * K + c] += v * x[l * K + c];
                        if (l != j) g[l * K + c] += v * x[j * K + c];
                    }
                }
        }
    }

    /// <summary>The numpy-style version: the measurement operator as an m × n² matrix, two matrix-vector products.</summary>
    private sealed class MathNetGradient(double[] full, double[] y)
    {
        private readonly Matrix<double> _a = Matrix<double>.Build.Dense(M, N * N, (i, q) => full[i * N * N + q]);
        private readonly Vector<double> _y = Vector<double>.Build.Dense(y);

        public void Gradient(double[] x, double[] g)
        {
            var xm = Matrix<double>.Build.Dense(N, K, (j, c) => x[j * K + c]);
            var s = xm * xm.Transpose();
            var r = _a * Vector<double>.Build.Dense(s.ToRowMajorArray()) - _y;
            var gram = Matrix<double>.Build.DenseOfRowMajor(N, N, (_a.TransposeThisAndMultiply(r) / M).ToArray());
            var grad = gram * xm;
            for (int j = 0; j < N; j++) for (int c = 0; c < K; c++) g[j * K + c] = grad[j, c];
        }
    }
}
