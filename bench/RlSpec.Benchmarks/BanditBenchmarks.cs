using System;
using BenchmarkDotNet.Attributes;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Bandits.Algorithms;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Benchmarks;

/// <summary>
/// Arm pulls per second on one core: whole runs of Select / Pull / Update, the loop the experiment
/// engine runs, with the very algorithm structs the formula tests check. Each invocation is one run
/// (Reset, then <see cref="Steps"/> steps), so time per operation is time per pull, index and update
/// included; pulls per second = 1 / that. The bandits: 10 Bernoulli arms with means 0.05, 0.15, ..., 0.95
/// (one random stream per arm, as the engine's common random numbers), and a linear bandit with 100 arms
/// in d = 10 (random unit features, θ a random unit vector, noise σ = 0.1).
/// </summary>
[MemoryDiagnoser]
public class BanditBenchmarks
{
    /// <summary>Steps of one Bernoulli run.</summary>
    public const int Steps = 100_000;

    /// <summary>Steps of one linear run (OFUL's step costs O(K d + d²), about 30 times a Bernoulli step).</summary>
    public const int LinearSteps = 10_000;

    private readonly double[] _means = new double[10];
    private BanditSetup _setup = null!, _linearSetup = null!;
    private double[] _features = [], _linearMeans = [];
    private RandomStream[] _armStreams = [];

    [GlobalSetup]
    public void Setup()
    {
        for (int a = 0; a < _means.Length; a++) _means[a] = 0.05 + 0.1 * a;
        _setup = new BanditSetup { ArmCount = _means.Length, Horizon = Steps, RewardLow = 0, RewardHigh = 1 };

        const int k = 100, d = 10;
        var r = RandomStream.Create(2024, 0);
        var theta = UnitVector(ref r, d);
        _features = new double[k * d];
        _linearMeans = new double[k];
        for (int a = 0; a < k; a++)
        {
            var x = UnitVector(ref r, d);
            x.CopyTo(_features, a * d);
            for (int j = 0; j < d; j++) _linearMeans[a] += x[j] * theta[j];
        }
        _linearSetup = new BanditSetup { ArmCount = k, Horizon = LinearSteps, Dimension = d, Features = _features, NoiseSigma = 0.1 };
        _armStreams = new RandomStream[k];
    }

    private static double[] UnitVector(ref RandomStream r, int d)
    {
        var x = new double[d];
        double norm = 0;
        for (int j = 0; j < d; j++) { x[j] = Sampling.Normal(ref r, 0, 1); norm += x[j] * x[j]; }
        for (int j = 0; j < d; j++) x[j] /= Math.Sqrt(norm);
        return x;
    }

    /// <summary>One Bernoulli run; returns the total reward so that nothing is optimized away.</summary>
    private double RunBernoulli<TAlgorithm>(TAlgorithm algorithm) where TAlgorithm : struct, IBanditAlgorithm
    {
        algorithm.Reset(_setup);
        double[] means = _means;
        RandomStream[] streams = _armStreams;
        for (int a = 0; a < means.Length; a++) streams[a] = RandomStream.Create(7, (ulong)a);
        var random = RandomStream.Create(7, 1000);
        double total = 0;
        for (long t = 1; t <= Steps; t++)
        {
            int arm = algorithm.Select(t, ref random);
            double reward = streams[arm].NextDouble() < means[arm] ? 1 : 0;
            algorithm.Update(arm, reward);
            total += reward;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Steps)]
    public double Ucb1Pull() => RunBernoulli(new Ucb1());

    [Benchmark(OperationsPerInvoke = Steps)]
    public double KlUcbPull() => RunBernoulli(new KlUcb(0));

    [Benchmark(OperationsPerInvoke = Steps)]
    public double ThompsonPull() => RunBernoulli(new Thompson());

    /// <summary>One OFUL run on the linear bandit (100 arms, d = 10).</summary>
    [Benchmark(OperationsPerInvoke = LinearSteps)]
    public double OfulStep()
    {
        var algorithm = new Oful(0.05, 1, 1);
        algorithm.Reset(_linearSetup);
        RandomStream[] streams = _armStreams;
        for (int a = 0; a < streams.Length; a++) streams[a] = RandomStream.Create(9, (ulong)a);
        var random = RandomStream.Create(9, 1000);
        double total = 0;
        for (long t = 1; t <= LinearSteps; t++)
        {
            int arm = algorithm.Select(t, ref random);
            double reward = Sampling.Normal(ref streams[arm], _linearMeans[arm], 0.1);
            algorithm.Update(arm, reward);
            total += reward;
        }
        return total;
    }
}
