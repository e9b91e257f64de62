using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Modeling;

/// <summary>
/// A distribution over the integers <see cref="Lo"/>..<see cref="Hi"/> with its probability mass
/// function as an array: what a random variable (<c>let demand ~ poisson(4) truncated 0..20</c>)
/// becomes in emitted code, so enumerating its outcomes is a loop over an array. Built once when a
/// model is created.
/// </summary>
public sealed class FiniteDistribution
{
    private FiniteDistribution(int lo, double[] pmf)
    {
        Lo = lo;
        Pmf = pmf;
        double mean = 0;
        for (int k = 0; k < pmf.Length; k++) mean += (lo + k) * pmf[k];
        Mean = mean;
        // The cumulative sums, once, for Sample's binary search; the last index with mass catches a
        // uniform draw that rounding put at or above the total.
        _cumulative = new double[pmf.Length];
        double sum = 0;
        for (int k = 0; k < pmf.Length; k++)
        {
            sum += pmf[k];
            _cumulative[k] = sum;
            if (pmf[k] > 0) _lastWithMass = k;
        }
    }

    private readonly double[] _cumulative;
    private readonly int _lastWithMass;

    /// <summary>Smallest value.</summary>
    public int Lo { get; }

    /// <summary>Largest value.</summary>
    public int Hi => Lo + Pmf.Length - 1;

    /// <summary>P(X = Lo + k) at index k.</summary>
    public double[] Pmf { get; }

    /// <summary>E[X].</summary>
    public double Mean { get; }

    /// <summary>P(X = k), 0 outside the support.</summary>
    public double Probability(int k) => k < Lo || k > Hi ? 0 : Pmf[k - Lo];

    /// <summary>
    /// Draws a value by inversion of the CDF: one uniform U in [0,1) scaled by the total mass, then a
    /// binary search for the first cumulative sum above it. Values of probability 0 are never drawn.
    /// Allocation-free.
    /// </summary>
    public int Sample(ref RandomStream random)
    {
        var cumulative = _cumulative;
        double u = random.NextDouble() * cumulative[cumulative.Length - 1];
        int lo = 0, hi = _lastWithMass;
        // Invariant: the answer is in lo..hi, and cumulative[hi] > u unless hi is the last index with mass.
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return Lo + lo;
    }

    public static FiniteDistribution Bernoulli(double p)
    {
        CheckProbability(p, "bernoulli");
        return new FiniteDistribution(0, new[] { 1 - p, p });
    }

    public static FiniteDistribution Binomial(int n, double p)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "binomial: n must be at least 0");
        CheckProbability(p, "binomial");
        var pmf = new double[Length(0, n, $"binomial({n}, p)", "RLS0224")];
        if (p == 0) { pmf[0] = 1; return new FiniteDistribution(0, pmf); }
        if (p == 1) { pmf[n] = 1; return new FiniteDistribution(0, pmf); }
        // log C(n,k) p^k (1-p)^(n-k), by recursion in k so that nothing overflows.
        double logC = 0, lp = Math.Log(p), lq = Math.Log(1 - p);
        for (int k = 0; k <= n; k++)
        {
            if (k > 0) logC += Math.Log(n - k + 1) - Math.Log(k);
            pmf[k] = Math.Exp(logC + k * lp + (n - k) * lq);
        }
        return new FiniteDistribution(0, pmf);
    }

    public static FiniteDistribution Uniform(int lo, int hi)
    {
        if (hi < lo) throw new ArgumentException($"uniform({lo}, {hi}) is empty");
        var pmf = new double[Length(lo, hi, $"uniform({lo}, {hi})", "RLS0220")];
        Array.Fill(pmf, 1.0 / pmf.Length);
        return new FiniteDistribution(lo, pmf);
    }

    public static FiniteDistribution Categorical(double[] probabilities)
    {
        double sum = 0;
        foreach (var p in probabilities)
        {
            if (!(p >= 0)) throw new ArgumentException("categorical: probabilities must not be negative");
            sum += p;
        }
        if (probabilities.Length == 0 || Math.Abs(sum - 1) > 1e-9) throw new ArgumentException($"categorical: probabilities sum to {sum}, not 1");
        return new FiniteDistribution(0, (double[])probabilities.Clone());
    }

    /// <summary>Poisson(rate) on lo..hi: renormalized (<paramref name="clamp"/> false) or with the tails moved to the ends.</summary>
    public static FiniteDistribution Poisson(double rate, int lo, int hi, bool clamp)
    {
        if (!(rate >= 0)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "poisson: the rate must not be negative");
        // log P(k) = k log(rate) - rate - log k!, accumulated in k.
        return Restrict(lo, hi, clamp, k => k == 0 ? -rate : double.NaN, (k, prev) => prev + Math.Log(rate) - Math.Log(k), rate == 0);
    }

    /// <summary>Geometric(p): failures before the first success, on lo..hi.</summary>
    public static FiniteDistribution Geometric(double p, int lo, int hi, bool clamp)
    {
        if (!(p > 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "geometric: p must be in (0, 1]");
        return Restrict(lo, hi, clamp, k => Math.Log(p), (k, prev) => prev + Math.Log(1 - p), p == 1);
    }

    /// <summary>A finite distribution restricted to lo..hi.</summary>
    public FiniteDistribution Restricted(int lo, int hi, bool clamp)
    {
        if (hi < lo) throw new ArgumentException($"the range {lo}..{hi} is empty");
        var pmf = new double[Length(lo, hi, $"the range {lo}..{hi}", "RLS0224")];
        for (int i = 0; i < Pmf.Length; i++)
        {
            long k = (long)Lo + i; // Lo..Hi by index: a loop to Hi inclusive never ends at int.MaxValue
            if (k >= lo && k <= hi) pmf[k - lo] += Pmf[i];
            else if (clamp) pmf[k < lo ? 0 : pmf.Length - 1] += Pmf[i];
        }
        return Normalized(lo, pmf);
    }

    private static FiniteDistribution Restrict(int lo, int hi, bool clamp, Func<int, double> logFirst, Func<int, double, double> logNext, bool pointMassAtZero)
    {
        if (hi < lo) throw new ArgumentException($"the range {lo}..{hi} is empty");
        var pmf = new double[Length(lo, hi, $"the range {lo}..{hi}", "RLS0224")];
        if (pointMassAtZero)
        {
            if (lo <= 0 && 0 <= hi) pmf[-lo] = 1;
            else if (clamp) pmf[lo > 0 ? 0 : pmf.Length - 1] = 1;
            return Normalized(lo, pmf);
        }
        double logP = logFirst(0), below = 0, inside = 0;
        for (int k = 0; k <= hi; k++)
        {
            double previous = logP;
            if (k > 0) logP = logNext(k, logP);
            double p = Math.Exp(logP);
            // Poisson and geometric are unimodal: once falling and below the smallest double, every later
            // term is 0 too (without this, lo near int.MaxValue would take 2^31 steps).
            if (p == 0 && k > 0 && logP < previous) break;
            if (k < lo) below += p;
            else { pmf[k - lo] = p; inside += p; }
            if (k == hi) break; // k++ would wrap at int.MaxValue
        }
        if (clamp)
        {
            pmf[0] += below;
            pmf[pmf.Length - 1] += Math.Max(0, 1 - below - inside);
        }
        return Normalized(lo, pmf);
    }

    /// <summary>The most values a finite distribution may have: the compiler's limit (RLS0224), for parameters given to a generated Create.</summary>
    public const int MaxSupport = 10_000_000;

    /// <summary>
    /// hi - lo + 1 in 64 bits (in 32 it wraps for wide ranges), refused beyond <see cref="MaxSupport"/> with
    /// the id the compiler gives the same mistake (<paramref name="id"/>).
    /// </summary>
    private static int Length(int lo, int hi, string what, string id)
    {
        long n = (long)hi - lo + 1;
        if (n > MaxSupport)
            throw new ArgumentOutOfRangeException(nameof(hi), hi, $"{id}: {what} has {n.ToString(System.Globalization.CultureInfo.InvariantCulture)} values; random variables are enumerated, so at most {MaxSupport.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} are allowed");
        return (int)n;
    }

    private static FiniteDistribution Normalized(int lo, double[] pmf)
    {
        double sum = 0;
        foreach (var p in pmf) sum += p;
        if (!(sum > 0)) throw new ArgumentException($"the distribution puts no probability on {lo}..{lo + pmf.Length - 1}");
        for (int k = 0; k < pmf.Length; k++) pmf[k] /= sum;
        return new FiniteDistribution(lo, pmf);
    }

    private static void CheckProbability(double p, string family)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, $"{family}: p must be in [0, 1]");
    }
}
