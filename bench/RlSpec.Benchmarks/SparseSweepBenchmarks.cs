using System;
using BenchmarkDotNet.Attributes;
using RlSpec.Models;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Benchmarks;

/// <summary>
/// One Jacobi value-iteration sweep over an explicit sparse model (CSR with row groups): the
/// runtime's generic sweep, specialized by the JIT for <see cref="SparseMdp"/>, against a plain
/// hand-written loop over the very same arrays. Throughput = <see cref="Transitions"/> / time.
/// </summary>
[MemoryDiagnoser]
public class SparseSweepBenchmarks
{
    private SparseMdp _model;
    private Forest _forest;
    private int[] _groups = [], _rowStart = [], _columns = [];
    private double[] _probabilities = [], _rewards = [], _values = [], _next = [];
    private int[] _policy = [];
    private double _gamma;

    /// <summary>forest-1e6: pymdptoolbox's forest with 10^6 age classes; random-1e5: 10^5 states x 10 actions x 10 successors.</summary>
    [Params("forest-1e6", "random-1e5")]
    public string Model { get; set; } = "forest-1e6";

    /// <summary>Stored transitions (nonzero entries) swept per iteration.</summary>
    public int Transitions => _columns.Length;

    [GlobalSetup]
    public void Setup()
    {
        if (Model == "forest-1e6")
        {
            _forest = Forest.Create(S: 1_000_000);
            _model = SparseMdp.From(_forest);
        }
        else
        {
            _model = RandomSparse.Create(states: 100_000, actions: 10, successors: 10, seed: 1);
        }
        _gamma = _model.Criterion.Discount;
        _groups = _model.RowGroupStart.ToArray();
        _rowStart = _model.RowStart.ToArray();
        _columns = _model.Columns.ToArray();
        _probabilities = _model.Probabilities.ToArray();
        _rewards = _model.RowRewards.ToArray();
        _values = new double[_model.StateCount];
        _next = new double[_model.StateCount];
        _policy = new int[_model.StateCount];
        var random = new Random(7);
        for (int i = 0; i < _values.Length; i++) _values[i] = random.NextDouble();
        Console.WriteLine($"// {Model}: {_model.StateCount:N0} states, {_model.RowCount:N0} state-action rows, {Transitions:N0} transitions");
    }

    /// <summary>The baseline: what one would write by hand over CSR arrays.</summary>
    [Benchmark(Baseline = true)]
    public double HandWrittenLoop()
    {
        var groups = _groups; var rowStart = _rowStart; var columns = _columns;
        var probabilities = _probabilities; var rewards = _rewards; var values = _values; var next = _next;
        double gamma = _gamma, residual = 0;
        for (int s = 0; s < groups.Length - 1; s++)
        {
            double best = double.NegativeInfinity;
            for (int row = groups[s]; row < groups[s + 1]; row++)
            {
                double q = 0;
                for (int k = rowStart[row]; k < rowStart[row + 1]; k++) q += probabilities[k] * values[columns[k]];
                q = rewards[row] + gamma * q;
                if (q > best) best = q;
            }
            next[s] = best;
            residual = Math.Max(residual, Math.Abs(best - values[s]));
        }
        return residual;
    }

    /// <summary>The runtime's generic Jacobi sweep, specialized for the CSR model.</summary>
    [Benchmark]
    public double RuntimeSweepOverCsr() =>
        ValueIteration.Sweep(in _model, _values, _next, _policy, _gamma).Max;

    /// <summary>The emitted forest model swept directly, matrix-free (its rules are arithmetic on the age).</summary>
    [Benchmark]
    public double EmittedMatrixFree()
    {
        if (Model != "forest-1e6") return 0;
        return ValueIteration.Sweep(in _forest, _values, _next, _policy, _gamma).Max;
    }
}
