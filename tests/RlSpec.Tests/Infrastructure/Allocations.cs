using System;

namespace RlSpec.Tests.Infrastructure;

/// <summary>
/// Measures managed allocation of a hot loop the way the allocation tests need it: after a warm-up, the
/// least over several batches. A one-off allocation by the runtime (a tier-up, a static constructor, a
/// lazily created cache) lands in one batch at most, while an allocation per call shows in every batch.
/// CI once saw 6,344 bytes in a single measured batch of 200 sweeps that allocate nothing per sweep.
/// </summary>
internal static class Allocations
{
    /// <summary>Bytes allocated on this thread by the least-allocating of <paramref name="batches"/> runs of <paramref name="batch"/>.</summary>
    public static long Least(Action batch, Action? warmUp = null, int batches = 3)
    {
        (warmUp ?? batch)();
        long least = long.MaxValue;
        for (int i = 0; i < batches; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            batch();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
