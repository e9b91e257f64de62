using System;
using BenchmarkDotNet.Attributes;
using RlSpec.Models;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Benchmarks;

/// <summary>
/// One Gauss-Seidel sweep over the admission-control queue, matrix-free: the model's rules are
/// arithmetic on the queue length, so memory is the value vector only (8 bytes per state).
/// </summary>
[MemoryDiagnoser]
public class MatrixFreeBenchmarks
{
    private Admission _model;
    private double[] _values = [];

    [Params(10_000_000, 100_000_000)]
    public int States { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = Admission.Create(N: States - 1);
        _values = new double[_model.StateCount];
    }

    [Benchmark]
    public double GaussSeidelSweep() => GaussSeidel.Sweep(in _model, _values, _model.Criterion.Discount);
}
