using System;
using System.Linq;
using RlSpec.Models;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// Every example in examples/ (examples/mistakes/ holds deliberately broken models and is not compiled here) (compiled into this test project by the source generator) is valid,
/// its optimal values agree with an independent dense computation (MathNet) to 1e-8, and every
/// solver that applies to its criterion agrees with every other.
/// </summary>
public class ExampleModelTests
{
    private const double Tight = 1e-8;

    [Fact]
    public void RiverSwim_backward_induction_matches_plain_recursion()
    {
        var model = RiverSwim.Create();
        Assert.Empty(MdpValidator.Validate(model));
        var solution = MdpSolver.Solve(model);
        var reference = DenseReference.FiniteHorizon(_ => DenseReference.From(model), model.H)[0];
        for (int s = 0; s < model.StateCount; s++)
            Assert.True(Math.Abs(solution.Values[s] - reference[s]) <= Tight);
        Assert.Equal(model.H, solution.PolicyByStep!.Steps);
        // Near the far bank with time left, swimming right is optimal.
        Assert.Equal("right", solution.Action("(s=5)"));
    }

    [Fact]
    public void RiverSwim_size_and_horizon_are_parameters()
    {
        var model = RiverSwim.Create(N: 12, H: 40);
        Assert.Equal(12, model.StateCount);
        var solution = MdpSolver.Solve(model);
        var reference = DenseReference.FiniteHorizon(_ => DenseReference.From(model), 40)[0];
        Assert.True(Math.Abs(solution.Value("(s=11)") - reference[11]) <= Tight);
    }

    [Fact]
    public void RiverSwim_discounted_Strehl_Littman()
    {
        var solution = ReferenceChecks.CheckStationary(RiverSwimDiscounted.Create());
        // The same MDP written out by hand from Strehl & Littman (2008), Fig. 1, independently of the
        // .rlspec and its compiler: 6 states; `left` moves left surely (5 at the near bank, staying);
        // `right` moves right w.p. 0.3, stays w.p. 0.6, slips left w.p. 0.1 (at the near bank 0.3 / 0.7,
        // at the far bank stays w.p. 0.3 with reward 10000, slips w.p. 0.7). Gamma = 0.95.
        const int n = 6;
        const double gamma = 0.95;
        var p = new double[2][,] { new double[n, n], new double[n, n] };
        var r = new double[n, 2];
        for (int s = 0; s < n; s++) p[0][s, Math.Max(s - 1, 0)] = 1;
        r[0, 0] = 5;
        p[1][0, 1] = 0.3; p[1][0, 0] = 0.7;
        for (int s = 1; s < n - 1; s++) { p[1][s, s + 1] = 0.3; p[1][s, s] = 0.6; p[1][s, s - 1] = 0.1; }
        p[1][n - 1, n - 1] = 0.3; p[1][n - 1, n - 2] = 0.7;
        r[n - 1, 1] = 0.3 * 10000;
        // Policy iteration with exact (dense LU) evaluation, from "always left", until no state improves.
        var policy = new int[n];
        double[] v;
        while (true)
        {
            var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (i, j) => (i == j ? 1 : 0) - gamma * p[policy[i]][i, j]);
            var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, i => r[i, policy[i]]);
            v = a.Solve(b).ToArray();
            bool changed = false;
            for (int s = 0; s < n; s++)
            {
                double Q(int act) { double q = r[s, act]; for (int t = 0; t < n; t++) q += gamma * p[act][s, t] * v[t]; return q; }
                int other = 1 - policy[s];
                if (Q(other) > Q(policy[s]) + 1e-9) { policy[s] = other; changed = true; }
            }
            if (!changed) break;
        }
        Assert.Equal(policy, solution.Policy);
        for (int s = 0; s < n; s++)
            Assert.True(Math.Abs(solution.Values[s] - v[s]) <= solution.ErrorBound + 1e-9 * Math.Abs(v[s]),
                $"V(s={s}) = {solution.Values[s]:R}, hand-written model {v[s]:R}, bound {solution.ErrorBound:E2}");
        // Swimming against the current pays here: right everywhere.
        Assert.All(solution.Policy, a => Assert.Equal("right", solution.ActionName(a)));
    }

    [Fact]
    public void SixArms() => ReferenceChecks.CheckStationary(RlSpec.Models.SixArms.Create());

    [Fact]
    public void Chain() => ReferenceChecks.CheckStationary(RlSpec.Models.Chain.Create());

    [Fact]
    public void Forest_waits_everywhere_with_discount_096()
    {
        var solution = ReferenceChecks.CheckStationary(Forest.Create());
        Assert.All(solution.Policy, a => Assert.Equal("wait", solution.ActionName(a)));
    }

    [Fact]
    public void Forest_matches_pymdptoolbox_policy_iteration_values()
    {
        // pymdptoolbox mdp.PolicyIteration(*example.forest(), 0.9) doctest: V = (26.244, 29.484, 33.484).
        var solution = MdpSolver.Solve(Forest.Create(gamma: 0.9), new SolverOptions { Method = SolverMethod.PolicyIteration });
        Assert.Equal(26.244, solution.Values[0], 9);
        Assert.Equal(29.484, solution.Values[1], 9);
        Assert.Equal(33.484, solution.Values[2], 9);
    }

    [Fact]
    public void Forest_scales_to_a_thousand_age_classes() => ReferenceChecks.CheckStationary(Forest.Create(S: 1000));

    [Fact]
    public void Gridworld_matches_Russell_and_Norvig()
    {
        var solution = ReferenceChecks.CheckStationary(Gridworld.Create());
        // AIMA (3rd ed.) Fig. 17.3: utilities of the 4x3 world with R(s) = -0.04 and gamma = 1, (col,row) 1-based.
        Assert.Equal(0.705, solution.Value("(x=0, y=0)"), 3);
        Assert.Equal(0.762, solution.Value("(x=0, y=1)"), 3);
        Assert.Equal(0.812, solution.Value("(x=0, y=2)"), 3);
        Assert.Equal(0.868, solution.Value("(x=1, y=2)"), 3);
        Assert.Equal(0.918, solution.Value("(x=2, y=2)"), 3);
        Assert.Equal(0.660, solution.Value("(x=2, y=1)"), 3);
        Assert.Equal(0.655, solution.Value("(x=1, y=0)"), 3);
        Assert.Equal(0.611, solution.Value("(x=2, y=0)"), 3);
        Assert.Equal(0.388, solution.Value("(x=3, y=0)"), 3);
        Assert.Equal("-", solution.Action("(x=3, y=2)")); // terminal
    }

    [Fact]
    public void Inventory_orders_up_to_a_base_stock_level()
    {
        var model = Inventory.Create();
        var solution = ReferenceChecks.CheckStationary(model);
        // The level comes from an independent computation over the model's data (cap 20, Poisson(4)
        // demand clamped to 0..20, price 3, order cost 1, holding 0.1, gamma 0.99), not from the solver.
        int level = IndependentInventoryBaseStockLevel(cap: 20, rate: 4, price: 3, cost: 1, holding: 0.1, gamma: 0.99);
        Assert.InRange(level, 1, 20); // a policy that never orders is not the optimum
        for (int stock = 0; stock <= model.Cap; stock++)
            Assert.Equal($"order({Math.Max(level - stock, 0)})", solution.Action($"(stock={stock})"));
    }

    /// <summary>
    /// Slow value iteration over the inventory model written out by hand (no compiler, no runtime), run
    /// until the greedy policy is certain (the Q-gaps exceed twice the value error), then the base-stock
    /// level read off that policy, asserting that it has the base-stock form.
    /// </summary>
    private static int IndependentInventoryBaseStockLevel(int cap, double rate, double price, double cost, double holding, double gamma)
    {
        // P(D = k) for k < cap, and the tail P(D >= cap) moved to cap ("clamped").
        var pmf = new double[cap + 1];
        double term = Math.Exp(-rate), below = 0;
        for (int k = 0; k < cap; k++) { pmf[k] = term; below += term; term *= rate / (k + 1); }
        pmf[cap] = 1 - below;
        double Q(double[] v, int stock, int q)
        {
            double total = -cost * q - holding * stock;
            for (int d = 0; d <= cap; d++)
                total += pmf[d] * (price * Math.Min(stock + q, d) + gamma * v[Math.Max(stock + q - d, 0)]);
            return total;
        }
        var values = new double[cap + 1];
        var best = new int[cap + 1];
        for (int sweep = 0; ; sweep++)
        {
            var next = new double[cap + 1];
            double change = 0, smallestGap = double.PositiveInfinity;
            for (int stock = 0; stock <= cap; stock++)
            {
                double first = double.NegativeInfinity, second = double.NegativeInfinity;
                for (int q = 0; stock + q <= cap; q++)
                {
                    double x = Q(values, stock, q);
                    if (x > first) { second = first; first = x; best[stock] = q; }
                    else if (x > second) second = x;
                }
                next[stock] = first;
                change = Math.Max(change, Math.Abs(first - values[stock]));
                smallestGap = Math.Min(smallestGap, first - second);
            }
            values = next;
            // ||V - V*|| <= gamma / (1 - gamma) * change; the greedy action is then certain once every
            // runner-up trails by more than twice that error.
            double error = gamma / (1 - gamma) * change;
            if (smallestGap > 2 * error + 1e-12) break;
            Assert.True(sweep < 20_000, "the reference value iteration did not separate the actions");
        }
        int level = best[0];
        for (int stock = 0; stock <= cap; stock++)
            Assert.True(best[stock] == Math.Max(level - stock, 0), $"the reference policy is not base-stock at stock {stock}: orders {best[stock]}");
        return level;
    }

    [Fact]
    public void Admission_control_is_a_threshold_policy()
    {
        var solution = ReferenceChecks.CheckStationary(Admission.Create(N: 200));
        // Accept below a threshold, reject above it.
        var actions = solution.Policy.Select(solution.ActionName).ToArray();
        int firstReject = Array.IndexOf(actions, "reject");
        Assert.True(firstReject > 0);
        Assert.All(actions.Skip(firstReject), a => Assert.Equal("reject", a));
    }

    [Fact]
    public void MachineReplacement_gain_is_the_best_stationary_gain_over_every_policy()
    {
        var model = MachineReplacement.Create();
        Assert.Empty(MdpValidator.Validate(model));
        var solution = MdpSolver.Solve(model, new SolverOptions { Tolerance = 1e-12, ToleranceKind = ToleranceKind.Absolute });
        Assert.Empty(solution.Warnings);

        // Independent: every deterministic policy (keep or replace in each age where both are enabled)
        // is unichain, so its gain is pi . r for its unique stationary distribution pi (a dense solve).
        var d = DenseReference.From(model);
        int n = model.StateCount;
        var free = Enumerable.Range(0, n).Where(s => d.Enabled[s, 0] && d.Enabled[s, 1]).ToArray();
        double best = double.NegativeInfinity;
        int[]? bestPolicy = null;
        for (int mask = 0; mask < 1 << free.Length; mask++)
        {
            var policy = Enumerable.Range(0, n).Select(s => d.Enabled[s, 0] ? 0 : 1).ToArray();
            for (int k = 0; k < free.Length; k++) if ((mask >> k & 1) == 1) policy[free[k]] = 1;
            double gain = StationaryGain(d, policy);
            if (gain > best + 1e-12) { best = gain; bestPolicy = policy; }
        }
        // Renewal-reward check of the same number: replace at age 2, so a cycle spends 1/p periods in
        // ages 0 and 1 and one replacing: ((10 + 8.5) / 0.4 + (10 - 12)) / (2 / 0.4 + 1) = 7.375.
        Assert.Equal(7.375, best, 12);
        Assert.True(Math.Abs(solution.Gain!.Value - best) <= solution.ErrorBound + 1e-12,
            $"gain {solution.Gain:R}, brute force {best:R}, bound {solution.ErrorBound:E2}");
        // Actions in states the policy never visits do not change the gain, so policies are compared by gain.
        var solverPolicy = solution.Policy.Select(a => a).ToArray();
        Assert.Equal(best, StationaryGain(d, solverPolicy), 10);
        Assert.Equal(bestPolicy![..3], solverPolicy[..3]); // keep at ages 0 and 1, replace at 2: the recurrent states
    }

    /// <summary>pi P = pi, sum pi = 1 (one equation replaced by the normalization), then pi . r.</summary>
    private static double StationaryGain(DenseReference d, int[] policy)
    {
        int n = d.States;
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n);
        for (int s = 0; s < n; s++)
            for (int t = 0; t < n; t++)
                a[t, s] = d.P[policy[s]][s, t] - (s == t ? 1 : 0); // row t: sum_s pi_s (P[s,t] - [s = t]) = 0
        for (int s = 0; s < n; s++) a[n - 1, s] = 1;
        b[n - 1] = 1;
        var pi = a.Solve(b);
        double gain = 0;
        for (int s = 0; s < n; s++) gain += pi[s] * d.R[s, policy[s]];
        return gain;
    }

    [Fact]
    public void Sweeps_over_emitted_models_allocate_nothing()
    {
        // Generated code: random-variable loops (Inventory), guards and terminal states (Gridworld),
        // action families and list lookups (SixArms), transition rewards (RiverSwimDiscounted).
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(Inventory.Create());
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(Gridworld.Create());
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(RlSpec.Models.SixArms.Create());
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(RiverSwimDiscounted.Create());
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(Admission.Create(N: 500));
    }

    [Fact]
    public void An_emitted_model_and_its_sparse_copy_have_the_same_solution()
    {
        var model = Inventory.Create(cap: 12);
        var sparse = SparseMdp.From(model);
        var a = MdpSolver.Solve(model, new SolverOptions { Method = SolverMethod.PolicyIteration });
        var b = MdpSolver.Solve(sparse, new SolverOptions { Method = SolverMethod.PolicyIteration });
        Assert.Equal(a.Policy, b.Policy);
        for (int s = 0; s < model.StateCount; s++) Assert.True(Math.Abs(a.Values[s] - b.Values[s]) <= 1e-9);
        Assert.Equal("(stock=4)", b.StateLabel(4));
    }
}
