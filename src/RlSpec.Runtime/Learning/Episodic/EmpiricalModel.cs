using System;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// The learned tabular model shared by the model-based algorithms: visit counts n(s, a), successor
/// counts n(s, a, s'), and the sum and sum of squares of the rewards of each pair. Successor counts are
/// dense by S per pair (tabular sizes are S ≤ ~10³ with few actions), and each pair also keeps the list
/// of successors seen so far in order of first observation, so that expectations under the empirical
/// transition P̂(s'|s, a) = n(s, a, s')/n(s, a) cost the size of the observed support, not S.
/// </summary>
/// <remarks>Allocates only in its constructor; <see cref="Add"/> and every expectation allocate nothing.</remarks>
internal sealed class EmpiricalModel
{
    private readonly int _states, _actions;
    private readonly int[] _visits;
    private readonly int[] _nextCounts;
    private readonly int[] _support;
    private readonly int[] _supportSize;
    private readonly double[] _rewardSum, _rewardSquares;

    public EmpiricalModel(int states, int actions)
    {
        _states = states;
        _actions = actions;
        int pairs = states * actions;
        long dense = (long)pairs * states;
        if (dense > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(states), states, $"the learned model of {states} states and {actions} actions needs {dense} successor counts, more than an array holds");
        _visits = new int[pairs];
        _nextCounts = new int[dense];
        _support = new int[dense];
        _supportSize = new int[pairs];
        _rewardSum = new double[pairs];
        _rewardSquares = new double[pairs];
    }

    public int StateCount => _states;

    public int ActionCount => _actions;

    /// <summary>n(s, a) at pair index sa = s·A + a.</summary>
    public int Visits(int pair) => _visits[pair];

    /// <summary>n(s, a, s').</summary>
    public int NextCount(int pair, int next) => _nextCounts[pair * _states + next];

    /// <summary>The successors of the pair seen so far, in order of first observation.</summary>
    public ReadOnlySpan<int> Support(int pair) => _support.AsSpan(pair * _states, _supportSize[pair]);

    /// <summary>The sum of the rewards observed after the pair.</summary>
    public double RewardSum(int pair) => _rewardSum[pair];

    /// <summary>The sum of the squared rewards observed after the pair.</summary>
    public double RewardSquares(int pair) => _rewardSquares[pair];

    /// <summary>Records one transition (s, a) → s' with its reward.</summary>
    public void Add(int state, int action, double reward, int next)
    {
        int pair = state * _actions + action;
        _visits[pair]++;
        _rewardSum[pair] += reward;
        _rewardSquares[pair] += reward * reward;
        int cell = pair * _states + next;
        if (_nextCounts[cell]++ == 0) _support[pair * _states + _supportSize[pair]++] = next;
    }

    /// <summary>Makes this model's pair equal to <paramref name="source"/>'s (MVP's frozen model at its doubling points).</summary>
    public void CopyPair(EmpiricalModel source, int pair)
    {
        int from = pair * _states;
        // Clear what this row had (only its support is non-zero), then copy the source's support.
        foreach (int next in Support(pair)) _nextCounts[from + next] = 0;
        int size = source._supportSize[pair];
        for (int k = 0; k < size; k++)
        {
            int next = source._support[from + k];
            _support[from + k] = next;
            _nextCounts[from + next] = source._nextCounts[from + next];
        }
        _supportSize[pair] = size;
        _visits[pair] = source._visits[pair];
        _rewardSum[pair] = source._rewardSum[pair];
        _rewardSquares[pair] = source._rewardSquares[pair];
    }

    /// <summary>(P̂ v)(s, a) = Σ_{s'} n(s, a, s')·v(s') / n(s, a); 0 for an unvisited pair.</summary>
    public double Expectation(int pair, ReadOnlySpan<double> values)
    {
        int n = _visits[pair];
        if (n == 0) return 0;
        int row = pair * _states;
        double sum = 0;
        foreach (int next in Support(pair)) sum += _nextCounts[row + next] * values[next];
        return sum / n;
    }

    /// <summary>
    /// The variance of v(s') under P̂(·|s, a), Σ P̂·(v − m)² with m = P̂v (two passes, so a successor set of
    /// equal values gives 0, not a rounding residue whose square root would be a spurious bonus); 0 for an
    /// unvisited pair. <paramref name="mean"/> receives m.
    /// </summary>
    public double Variance(int pair, ReadOnlySpan<double> values, out double mean)
    {
        mean = Expectation(pair, values);
        return VarianceAbout(pair, values, mean);
    }

    /// <summary>
    /// (P̂ v)(s, a) as <see cref="Expectation"/> (the same sum in the same order, so the same bits), and in the same
    /// pass Σ_{s'} n(s, a, s')·w(s') into <paramref name="weighted"/> (not divided by n): UCBVI-BF's sum over the
    /// observed successors, fused with the mean so the support is walked once. 0 and 0 for an unvisited pair.
    /// </summary>
    public double Expectation(int pair, ReadOnlySpan<double> values, ReadOnlySpan<double> weights, out double weighted)
    {
        weighted = 0;
        int n = _visits[pair];
        if (n == 0) return 0;
        int row = pair * _states;
        double sum = 0, other = 0;
        foreach (int next in Support(pair))
        {
            int count = _nextCounts[row + next];
            sum += count * values[next];
            other += count * weights[next];
        }
        weighted = other;
        return sum / n;
    }

    /// <summary>Σ P̂·(v − m)² for a given mean m (the second pass of <see cref="Variance"/>); 0 for an unvisited pair.</summary>
    public double VarianceAbout(int pair, ReadOnlySpan<double> values, double mean)
    {
        int n = _visits[pair];
        if (n == 0) return 0;
        int row = pair * _states;
        double squares = 0;
        foreach (int next in Support(pair))
        {
            double d = values[next] - mean;
            squares += _nextCounts[row + next] * d * d;
        }
        return squares / n;
    }
}
