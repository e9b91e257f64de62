using System;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>
/// The block sweeps (issue 11): Jacobi on several threads equals the serial sweep bit for bit; block Gauss-Seidel and
/// modified policy iteration give bit-identical results for 1, 2 and 3 threads, over the emitted matrix-free
/// admission queue and over its CSR form.
/// </summary>
public class ParallelSweepTests
{
    // 40,001 states: five blocks of 8192, the last one partial.
    private static RlSpec.Models.Admission Model() => RlSpec.Models.Admission.Create(N: 40_000, gamma: 0.9);

    [Fact]
    public void Parallel_jacobi_equals_the_serial_sweep_bit_for_bit()
    {
        var model = Model();
        Same(MdpSolver.Solve(model, Options(SolverMethod.ValueIteration, null)), MdpSolver.Solve(model, Options(SolverMethod.ValueIteration, 2)));
        var sparse = SparseMdp.From(model);
        Same(MdpSolver.Solve(sparse, Options(SolverMethod.ValueIteration, null)), MdpSolver.Solve(sparse, Options(SolverMethod.ValueIteration, 3)));
    }

    [Theory]
    [InlineData(SolverMethod.GaussSeidel)]
    [InlineData(SolverMethod.ModifiedPolicyIteration)]
    public void Block_sweeps_do_not_depend_on_the_thread_count(SolverMethod method)
    {
        var model = Model();
        var one = MdpSolver.Solve(model, Options(method, 1));
        Same(one, MdpSolver.Solve(model, Options(method, 2)));
        Same(one, MdpSolver.Solve(model, Options(method, 3)));
        var sparse = SparseMdp.From(model);
        var sparseOne = MdpSolver.Solve(sparse, Options(method, 1));
        Same(sparseOne, MdpSolver.Solve(sparse, Options(method, 2)));
        Same(sparseOne, MdpSolver.Solve(sparse, Options(method, 3)));
        // And the block scheme solves the model: within the certified bounds of the serial method.
        var serial = MdpSolver.Solve(model, Options(method, null));
        for (int s = 0; s < serial.Values.Length; s++)
            Assert.True(Math.Abs(serial.Values[s] - one.Values[s]) <= serial.ErrorBound + one.ErrorBound, $"state {s}");
    }

    [Fact]
    public void Block_gauss_seidel_differs_from_serial_gauss_seidel()
    {
        // The block scheme is not the serial sweep in disguise: its iterates differ (so the tests above can fail).
        var model = Model();
        var serial = MdpSolver.Solve(model, Options(SolverMethod.GaussSeidel, null));
        var blocks = MdpSolver.Solve(model, Options(SolverMethod.GaussSeidel, 1));
        Assert.NotEqual(serial.Values, blocks.Values);
    }

    private static SolverOptions Options(SolverMethod method, int? threads) => new() { Method = method, Threads = threads, Tolerance = 1e-8 };

    private static void Same(MdpSolution a, MdpSolution b)
    {
        Assert.Equal(a.Iterations, b.Iterations);
        Assert.Equal(a.Policy, b.Policy);
        Assert.Equal(a.ErrorBound, b.ErrorBound);
        for (int s = 0; s < a.Values.Length; s++)
            Assert.True(BitConverter.DoubleToInt64Bits(a.Values[s]) == BitConverter.DoubleToInt64Bits(b.Values[s]), $"state {s}: {a.Values[s]:R} vs {b.Values[s]:R}");
    }
}
