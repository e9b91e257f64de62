using System;
using System.Linq;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Dynamics;

/// <summary>
/// GDA, optimistic GDA and extragradient (mirror prox), each in the Euclidean and the entropic geometry,
/// against plain loops written here from the papers' formulas, on f(x, y) = xᵀAy + bᵀx − cᵀy.
/// </summary>
public class SaddlePointMethodTests
{
    /// <summary>f(x, y) = xᵀAy + bᵀx − cᵀy: ∇x f = Ay + b, ∇y f = Aᵀx − c.</summary>
    private readonly struct Bilinear(double[,] a, double[] b, double[] c) : ISaddleOperator
    {
        public int XDimension => b.Length;
        public int YDimension => c.Length;

        public void Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gx, Span<double> gy)
        {
            for (int i = 0; i < b.Length; i++)
            {
                double s = b[i];
                for (int j = 0; j < c.Length; j++) s += a[i, j] * y[j];
                gx[i] = s;
            }
            for (int j = 0; j < c.Length; j++)
            {
                double s = -c[j];
                for (int i = 0; i < b.Length; i++) s += a[i, j] * x[i];
                gy[j] = s;
            }
        }
    }

    private static (double[,] A, double[] b, double[] c) Problem(int n, int m, ulong seed)
    {
        var r = RandomStream.Create(seed, 0);
        var a = new double[n, m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) a[i, j] = Sampling.Normal(ref r, 0, 1);
        var b = Enumerable.Range(0, n).Select(_ => Sampling.Normal(ref r, 0, 0.3)).ToArray();
        var c = Enumerable.Range(0, m).Select(_ => Sampling.Normal(ref r, 0, 0.3)).ToArray();
        return (a, b, c);
    }

    // ---- the independent reference: plain arrays, probability-space multiplicative weights ----

    private static (double[] gx, double[] gy) Grad(double[,] a, double[] b, double[] c, double[] x, double[] y)
    {
        var gx = b.Select((bi, i) => bi + Enumerable.Range(0, c.Length).Sum(j => a[i, j] * y[j])).ToArray();
        var gy = c.Select((cj, j) => -cj + Enumerable.Range(0, b.Length).Sum(i => a[i, j] * x[i])).ToArray();
        return (gx, gy);
    }

    /// <summary>One geometry step: Euclidean z + s·g (unconstrained), or entropic z·exp(s·g)/Σ.</summary>
    private static double[] Move(bool entropic, double[] z, double[] g, double s)
    {
        if (!entropic) return z.Select((v, i) => v + s * g[i]).ToArray();
        var w = z.Select((v, i) => v * Math.Exp(s * g[i])).ToArray();
        double total = w.Sum();
        return w.Select(v => v / total).ToArray();
    }

    private static (double[] x, double[] y, double[] ax, double[] ay) Reference(string method, bool entropic, double[,] a, double[] b, double[] c,
        double[] x0, double[] y0, double eta, int steps)
    {
        double[] x = x0, y = y0, ax = new double[x0.Length], ay = new double[y0.Length];
        double[] hx = x0, hy = y0;
        var (px, py) = Grad(a, b, c, x0, y0);
        for (int t = 1; t <= steps; t++)
        {
            double[] avx, avy;
            switch (method)
            {
                case "gda":
                {
                    var (gx, gy) = Grad(a, b, c, x, y);
                    x = Move(entropic, x, gx, -eta); y = Move(entropic, y, gy, eta);
                    (avx, avy) = (x, y);
                    break;
                }
                case "eg":
                {
                    var (gx, gy) = Grad(a, b, c, x, y);
                    var lx = Move(entropic, x, gx, -eta); var ly = Move(entropic, y, gy, eta);
                    var (hgx, hgy) = Grad(a, b, c, lx, ly);
                    x = Move(entropic, x, hgx, -eta); y = Move(entropic, y, hgy, eta);
                    (avx, avy) = (lx, ly);
                    break;
                }
                default: // optimistic: z_t = step(ẑ_t, F(z_{t−1})), ẑ_{t+1} = step(ẑ_t, F(z_t))
                {
                    x = Move(entropic, hx, px, -eta); y = Move(entropic, hy, py, eta);
                    (px, py) = Grad(a, b, c, x, y);
                    hx = Move(entropic, hx, px, -eta); hy = Move(entropic, hy, py, eta);
                    (avx, avy) = (x, y);
                    break;
                }
            }
            for (int i = 0; i < ax.Length; i++) ax[i] += avx[i] / steps;
            for (int j = 0; j < ay.Length; j++) ay[j] += avy[j] / steps;
        }
        return (x, y, ax, ay);
    }

    private static SaddlePointMethod<Bilinear, TG, TG> Create<TG>(string method, Bilinear op, TG g) where TG : struct, IMirrorGeometry =>
        method switch
        {
            "gda" => new GradientDescentAscent<Bilinear, TG, TG>(op, g, g),
            "eg" => new Extragradient<Bilinear, TG, TG>(op, g, g),
            _ => new OptimisticGradientDescentAscent<Bilinear, TG, TG>(op, g, g),
        };

    [Theory]
    [InlineData("gda", false)]
    [InlineData("ogda", false)]
    [InlineData("eg", false)]
    [InlineData("gda", true)]
    [InlineData("ogda", true)]
    [InlineData("eg", true)]
    public void Method_matches_the_formula_written_out(string method, bool entropic)
    {
        var (a, b, c) = Problem(4, 3, 5);
        double[] x0 = entropic ? [0.1, 0.2, 0.3, 0.4] : [0.5, -0.2, 0.1, 0.0];
        double[] y0 = entropic ? [0.5, 0.25, 0.25] : [0.3, 0.3, -0.6];
        const double eta = 0.07;
        const int steps = 60;
        var (x, y, ax, ay) = Reference(method, entropic, a, b, c, x0, y0, eta, steps);
        var op = new Bilinear(a, b, c);
        SaddlePointMethod<Bilinear, EntropicGeometry, EntropicGeometry>? e = null;
        SaddlePointMethod<Bilinear, EuclideanGeometry<Unconstrained>, EuclideanGeometry<Unconstrained>>? u = null;
        if (entropic) e = Create(method, op, new EntropicGeometry());
        else u = Create(method, op, new EuclideanGeometry<Unconstrained>());
        if (e is not null) e.Reset(x0, y0); else u!.Reset(x0, y0);
        for (int t = 0; t < steps; t++) { e?.Step(eta); u?.Step(eta); }
        double[] gotX = e is not null ? e.X.ToArray() : u!.X.ToArray(), gotY = e is not null ? e.Y.ToArray() : u!.Y.ToArray();
        double[] gotAx = e is not null ? e.AverageX.ToArray() : u!.AverageX.ToArray(), gotAy = e is not null ? e.AverageY.ToArray() : u!.AverageY.ToArray();
        for (int i = 0; i < 4; i++) { Assert.Equal(x[i], gotX[i], 1e-12); Assert.Equal(ax[i], gotAx[i], 1e-12); }
        for (int j = 0; j < 3; j++) { Assert.Equal(y[j], gotY[j], 1e-12); Assert.Equal(ay[j], gotAy[j], 1e-12); }
        long evaluations = e?.Evaluations ?? u!.Evaluations;
        Assert.Equal(method switch { "gda" => steps, "eg" => 2 * steps, _ => steps + 1 }, evaluations);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Optimistic_method_follows_the_two_sequence_formula_under_a_changing_step_size(bool entropic)
    {
        // A long run with η_t changing every step: the secondary step ẑ_{t+1} = step(ẑ_t, η_t F(z_t)) must use η_t and the
        // next point z_{t+1} = step(ẑ_{t+1}, η_{t+1} F(z_t)) must use η_{t+1} (the entropic case fuses the two into one pass).
        // Sizes 37 and 23 exercise the SIMD lanes and their scalar tails; the row player's start has a zero entry, which
        // must stay exactly 0 (its logit is −∞).
        var (a, b, c) = Problem(37, 23, 11);
        for (int i = 0; i < 37; i++) for (int j = 0; j < 23; j++) a[i, j] *= 0.2;
        double[] x0 = Enumerable.Range(0, 37).Select(i => i == 5 ? 0.0 : 1.0 + 0.01 * i).ToArray();
        double[] y0 = Enumerable.Range(0, 23).Select(j => 1.0 + 0.02 * j).ToArray();
        double sx = x0.Sum(), sy = y0.Sum();
        x0 = x0.Select(v => v / sx).ToArray(); y0 = y0.Select(v => v / sy).ToArray();
        if (!entropic) { x0[5] = 0.01; y0[3] = -0.2; }
        static double Eta(int t) => 0.05 + 0.04 * Math.Sin(0.3 * t);
        const int steps = 2000;
        double[] x = x0, y = y0, hx = x0, hy = y0;
        var (px, py) = Grad(a, b, c, x0, y0);
        var ax = new double[37];
        var ay = new double[23];
        var op = new Bilinear(a, b, c);
        var e = new OptimisticGradientDescentAscent<Bilinear, EntropicGeometry, EntropicGeometry>(op, default, default);
        var u = new OptimisticGradientDescentAscent<Bilinear, EuclideanGeometry<Unconstrained>, EuclideanGeometry<Unconstrained>>(op, default, default);
        if (entropic) e.Reset(x0, y0); else u.Reset(x0, y0);
        double worst = 0;
        for (int t = 1; t <= steps; t++)
        {
            double eta = Eta(t);
            x = Move(entropic, hx, px, -eta); y = Move(entropic, hy, py, eta);
            (px, py) = Grad(a, b, c, x, y);
            hx = Move(entropic, hx, px, -eta); hy = Move(entropic, hy, py, eta);
            for (int i = 0; i < 37; i++) ax[i] += (x[i] - ax[i]) / t;
            for (int j = 0; j < 23; j++) ay[j] += (y[j] - ay[j]) / t;
            if (entropic) e.Step(eta); else u.Step(eta);
            var gotX = entropic ? e.X : u.X;
            var gotY = entropic ? e.Y : u.Y;
            for (int i = 0; i < 37; i++) worst = Math.Max(worst, Math.Abs(gotX[i] - x[i]));
            for (int j = 0; j < 23; j++) worst = Math.Max(worst, Math.Abs(gotY[j] - y[j]));
        }
        Assert.True(worst <= 1e-12, $"the iterates differ from the formula by {worst:G3}");
        var avgX = entropic ? e.AverageX.ToArray() : u.AverageX.ToArray();
        var avgY = entropic ? e.AverageY.ToArray() : u.AverageY.ToArray();
        for (int i = 0; i < 37; i++) Assert.Equal(ax[i], avgX[i], 1e-12);
        for (int j = 0; j < 23; j++) Assert.Equal(ay[j], avgY[j], 1e-12);
        if (entropic) Assert.Equal(0.0, e.X[5]);
        Assert.Equal(steps + 1, entropic ? e.Evaluations : u.Evaluations);
    }

    [Fact]
    public void Projected_gda_on_a_box_clips_every_step()
    {
        var (a, b, c) = Problem(3, 3, 9);
        var m = new GradientDescentAscent<Bilinear, EuclideanGeometry<BoxSet>, EuclideanGeometry<BallSet>>(
            new Bilinear(a, b, c), new EuclideanGeometry<BoxSet>(new BoxSet(-0.1, 0.1)), new EuclideanGeometry<BallSet>(new BallSet(0.5)));
        m.Reset([1, -1, 0], [2, 0, 0]);
        double[] x = [0.1, -0.1, 0], y = [0.5, 0, 0]; // the projected start
        Assert.Equal(x, m.X.ToArray());
        Assert.Equal(y, m.Y.ToArray());
        for (int t = 0; t < 5; t++)
        {
            var (gx, gy) = Grad(a, b, c, x, y);
            x = x.Select((v, i) => Math.Clamp(v - 0.3 * gx[i], -0.1, 0.1)).ToArray();
            var yn = y.Select((v, j) => v + 0.3 * gy[j]).ToArray();
            double norm = Math.Sqrt(yn.Sum(v => v * v));
            y = norm <= 0.5 ? yn : yn.Select(v => v * 0.5 / norm).ToArray();
            m.Step(0.3);
            for (int i = 0; i < 3; i++) { Assert.Equal(x[i], m.X[i], 1e-14); Assert.Equal(y[i], m.Y[i], 1e-14); }
        }
    }

    [Fact]
    public void On_f_equal_xy_gda_spirals_out_while_extragradient_and_ogda_converge()
    {
        // f(x, y) = x·y, saddle point (0, 0). GDA: (x, y) ← (x − ηy, y + ηx), the norm grows by exactly √(1 + η²) per step;
        // extragradient's step matrix has norm √((1 − η²)² + η²) < 1 (closed forms of the linear maps).
        var op = new Bilinear(new double[,] { { 1 } }, [0.0], [0.0]);
        var geometry = new EuclideanGeometry<Unconstrained>();
        var gda = new GradientDescentAscent<Bilinear, EuclideanGeometry<Unconstrained>, EuclideanGeometry<Unconstrained>>(op, geometry, geometry);
        var eg = new Extragradient<Bilinear, EuclideanGeometry<Unconstrained>, EuclideanGeometry<Unconstrained>>(op, geometry, geometry);
        var ogda = new OptimisticGradientDescentAscent<Bilinear, EuclideanGeometry<Unconstrained>, EuclideanGeometry<Unconstrained>>(op, geometry, geometry);
        const double eta = 0.2;
        gda.Reset([1.0], [0.0]); eg.Reset([1.0], [0.0]); ogda.Reset([1.0], [0.0]);
        for (int t = 1; t <= 200; t++)
        {
            gda.Step(eta); eg.Step(eta); ogda.Step(eta);
            Assert.Equal(Math.Pow(1 + eta * eta, t / 2.0), Math.Sqrt(gda.X[0] * gda.X[0] + gda.Y[0] * gda.Y[0]), 1e-9 * Math.Pow(1 + eta * eta, t / 2.0));
            Assert.Equal(Math.Pow((1 - eta * eta) * (1 - eta * eta) + eta * eta, t / 2.0), Math.Sqrt(eg.X[0] * eg.X[0] + eg.Y[0] * eg.Y[0]), 1e-12);
        }
        Assert.True(Math.Abs(ogda.X[0]) + Math.Abs(ogda.Y[0]) < 0.05);
    }

    [Fact]
    public void A_step_size_that_is_not_positive_is_rejected()
    {
        var (a, b, c) = Problem(2, 2, 1);
        var m = new Extragradient<Bilinear, EntropicGeometry, EntropicGeometry>(new Bilinear(a, b, c), default, default);
        m.Reset([0.5, 0.5], [0.5, 0.5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Step(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Step(double.NaN));
    }

    [Fact]
    public void Steps_allocate_nothing()
    {
        var (a, b, c) = Problem(6, 5, 2);
        var op = new Bilinear(a, b, c);
        double[] x0 = Enumerable.Repeat(1 / 6.0, 6).ToArray(), y0 = Enumerable.Repeat(0.2, 5).ToArray();
        var gda = new GradientDescentAscent<Bilinear, EntropicGeometry, EntropicGeometry>(op, default, default);
        var omwu = new OptimisticGradientDescentAscent<Bilinear, EntropicGeometry, EntropicGeometry>(op, default, default);
        var mirrorProx = new Extragradient<Bilinear, EntropicGeometry, EntropicGeometry>(op, default, default);
        var ogda = new OptimisticGradientDescentAscent<Bilinear, EuclideanGeometry<SimplexSet>, EuclideanGeometry<SimplexSet>>(op, default, default);
        var eg = new Extragradient<Bilinear, EuclideanGeometry<BallSet>, EuclideanGeometry<BoxSet>>(op, new(new BallSet(1)), new(new BoxSet(0, 1)));
        gda.Reset(x0, y0); omwu.Reset(x0, y0); mirrorProx.Reset(x0, y0); ogda.Reset(x0, y0); eg.Reset(x0, y0);
        foreach (var step in new Action<double>[] { gda.Step, omwu.Step, mirrorProx.Step, ogda.Step, eg.Step })
            Assert.Equal(0, Allocations.Least(() => { for (int t = 0; t < 50; t++) step(0.05); }));
    }
}
