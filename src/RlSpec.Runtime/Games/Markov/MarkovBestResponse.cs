using System;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Runtime.Games.Markov;

/// <summary>
/// Exact best responses in a discounted zero-sum Markov game. Against a fixed stationary opponent policy the other player faces
/// an MDP (the opponent's mixing folded into rewards and transitions), solved here by policy iteration
/// (<see cref="MdpSolver"/>, exact linear solves, certified). The duality gap (exploitability) of a policy pair (x, y) at the
/// initial distribution ρ is max_{x′} V^{x′,y}(ρ) − min_{y′} V^{x,y′}(ρ) ≥ 0, zero exactly at a Nash equilibrium (Shapley 1953;
/// in a two-player zero-sum game it equals NashConv, the sum of both players' best-response gains).
/// </summary>
/// <remarks>
/// Each call builds the induced MDP's arrays (compressed rows, one row per responder action) and the solver's result: it runs at an
/// experiment's checkpoints, not inside the dynamics' iterations.
/// </remarks>
public static class MarkovBestResponse
{
    /// <summary>max_{x′} V^{x′,y}(ρ): the row player's best-response value against the column policy <paramref name="column"/> (flat, the game's layout).</summary>
    public static double RowValue(MarkovGame game, ReadOnlySpan<double> column) => BestResponse(game, column, rowResponds: true);

    /// <summary>min_{y′} V^{x,y′}(ρ): the column player's best-response value (the row player's payoff) against <paramref name="row"/>.</summary>
    public static double ColumnValue(MarkovGame game, ReadOnlySpan<double> row) => -BestResponse(game, row, rowResponds: false);

    /// <summary>The duality gap of (x, y) at ρ: <see cref="RowValue"/>(y) − <see cref="ColumnValue"/>(x).</summary>
    public static double DualityGap(MarkovGame game, ReadOnlySpan<double> row, ReadOnlySpan<double> column) =>
        RowValue(game, column) - ColumnValue(game, row);

    /// <summary>The responder's optimal value (it maximizes; the column player's rewards are negated) at ρ.</summary>
    private static double BestResponse(MarkovGame game, ReadOnlySpan<double> opponent, bool rowResponds)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!game.IsDiscounted) throw new ArgumentException("best responses are computed for discounted Markov games", nameof(game));
        int expected = rowResponds ? game.ColumnPolicyLength : game.RowPolicyLength;
        if (opponent.Length != expected) throw new ArgumentException($"an opponent policy of length {opponent.Length}, not {expected}", nameof(opponent));
        int states = game.States;
        int rows = rowResponds ? game.RowPolicyLength : game.ColumnPolicyLength;
        var rowGroupStart = new int[states + 1];
        var rowActions = new int[rows];
        var rowStart = new int[rows + 1];
        var rewards = new double[rows];
        var columns = new System.Collections.Generic.List<int>();
        var probabilities = new System.Collections.Generic.List<double>();
        var mass = new double[states];
        var touched = new int[states];
        var stamp = new int[states]; // stamp[s′] == r + 1: s′ is already listed for row r (a zero probability must not list it twice)
        int r = 0;
        for (int s = 0; s < states; s++)
        {
            rowGroupStart[s] = r;
            int m = game.RowActions(s), n = game.ColumnActions(s);
            int own = rowResponds ? m : n, other = rowResponds ? n : m;
            var mix = opponent.Slice(rowResponds ? game.ColumnPolicyOffset(s) : game.RowPolicyOffset(s), other);
            for (int a = 0; a < own; a++, r++)
            {
                rowActions[r] = a;
                int count = 0;
                double reward = 0;
                for (int b = 0; b < other; b++)
                {
                    double p = mix[b];
                    if (p == 0) continue;
                    int k = rowResponds ? game.JointIndex(s, a, b) : game.JointIndex(s, b, a);
                    reward += p * game.Payoff(k);
                    for (int e = game.TransitionStart(k); e < game.TransitionStart(k + 1); e++)
                    {
                        int next = game.NextStates[e];
                        if (stamp[next] != r + 1) { stamp[next] = r + 1; touched[count++] = next; }
                        mass[next] += p * game.Probabilities[e];
                    }
                }
                rewards[r] = rowResponds ? reward : -reward;
                Array.Sort(touched, 0, count);
                for (int i = 0; i < count; i++)
                {
                    int next = touched[i];
                    columns.Add(next); probabilities.Add(mass[next]);
                    mass[next] = 0;
                }
                rowStart[r + 1] = columns.Count;
            }
        }
        rowGroupStart[states] = r;
        var initial = game.Initial;
        int support = 0;
        foreach (double p in initial) if (p > 0) support++;
        var initialStates = new int[support];
        var initialProbabilities = new double[support];
        for (int s = 0, i = 0; s < states; s++)
            if (initial[s] > 0) { initialStates[i] = s; initialProbabilities[i++] = initial[s]; }
        var mdp = new SparseMdp(rowResponds ? "row best response" : "column best response", Criterion.Discounted(game.Discount),
            rowResponds ? game.MaxRowActions : game.MaxColumnActions, rowGroupStart, rowActions, rowStart, columns.ToArray(),
            probabilities.ToArray(), rewards, initialStates: initialStates, initialProbabilities: initialProbabilities);
        var solution = MdpSolver.Solve(mdp, new SolverOptions { Method = SolverMethod.PolicyIteration, Threads = 1, Tolerance = 1e-12 });
        double value = 0;
        for (int i = 0; i < support; i++) value += initialProbabilities[i] * solution.Values[initialStates[i]];
        return value;
    }
}
