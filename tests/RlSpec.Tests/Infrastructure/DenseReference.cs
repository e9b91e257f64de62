using System;
using MathNet.Numerics.LinearAlgebra;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Infrastructure;

/// <summary>
/// An independent, deliberately simple reference that shares no code with the runtime's solvers:
/// the model copied into dense matrices P[a][s, s'] and r[s, a], policy evaluation by MathNet's
/// dense LU, gain and bias equations, and a naive finite-horizon recursion. The one copy for the
/// whole suite (imported everywhere by a global using in the test project).
/// </summary>
public sealed class DenseReference
{
    public readonly int States, Actions;
    public readonly double[][,] P;
    public readonly double[,] R;
    public readonly bool[,] Enabled;
    public readonly bool[] Terminal;

    private DenseReference(int states, int actions)
    {
        States = states;
        Actions = actions;
        P = new double[actions][,];
        for (int a = 0; a < actions; a++) P[a] = new double[states, states];
        R = new double[states, actions];
        Enabled = new bool[states, actions];
        Terminal = new bool[states];
    }

    public static DenseReference From<TModel>(TModel model, int step = 0) where TModel : struct, IMdp
    {
        var d = new DenseReference(model.StateCount, model.ActionCount);
        for (int s = 0; s < d.States; s++)
        {
            d.Terminal[s] = model.IsTerminal(s);
            if (d.Terminal[s]) continue;
            for (int a = 0; a < d.Actions; a++)
            {
                var c = new Copy(d, s, a);
                d.Enabled[s, a] = model.Transitions(s, a, step, ref c);
            }
        }
        return d;
    }

    private readonly struct Copy(DenseReference d, int s, int a) : ITransitionVisitor
    {
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward)
        {
            d.P[a][s, next] += probability;
            d.R[s, a] += probability * reward;
        }
        public void BeginRule(int rule) { }
        // A reference built from a broken model would be wrong in silence: refuse it.
        public void OutOfRange(int variable, long value, double probability) => throw new InvalidOperationException($"successor out of range in state {s}, action {a}");
        public void NoMatchingRule() => throw new InvalidOperationException($"no matching rule in state {s}, action {a}");
    }

    /// <summary>Solves (I − γP_π)V = r_π with MathNet (terminal states: V = 0).</summary>
    public double[] Evaluate(int[] policy, double gamma)
    {
        var a = Matrix<double>.Build.Dense(States, States);
        var b = Vector<double>.Build.Dense(States);
        for (int s = 0; s < States; s++)
        {
            a[s, s] = 1;
            if (Terminal[s]) continue;
            int act = policy[s];
            for (int t = 0; t < States; t++) a[s, t] -= gamma * P[act][s, t];
            b[s] = R[s, act];
        }
        return a.Solve(b).ToArray();
    }

    /// <summary>Q(s, a) for values V.</summary>
    public double Q(int s, int a, double[] v, double gamma)
    {
        double q = R[s, a];
        for (int t = 0; t < States; t++) q += gamma * P[a][s, t] * v[t];
        return q;
    }

    /// <summary>Asserts that <paramref name="policy"/> is greedy (within tol) with respect to V.</summary>
    public void AssertGreedy(int[] policy, double[] v, double gamma, double tol)
    {
        for (int s = 0; s < States; s++)
        {
            if (Terminal[s]) continue;
            double chosen = Q(s, policy[s], v, gamma);
            for (int a = 0; a < Actions; a++)
                if (Enabled[s, a])
                    Xunit.Assert.True(Q(s, a, v, gamma) <= chosen + tol, $"state {s}: action {a} beats the policy's {policy[s]}");
        }
    }

    /// <summary>Largest gain any enabled action has over V: 0 (up to rounding) iff V is greedy, i.e. the policy it came from is optimal.</summary>
    public double GreedyGap(double[] v, double gamma)
    {
        double worst = 0;
        for (int s = 0; s < States; s++)
        {
            if (Terminal[s]) continue;
            for (int a = 0; a < Actions; a++)
                if (Enabled[s, a]) worst = Math.Max(worst, Q(s, a, v, gamma) - v[s]);
        }
        return worst;
    }

    /// <summary>Gain and bias (h(0) = 0) of a unichain or irreducible policy: solve h + g = r_π + P_π h.</summary>
    public (double Gain, double[] Bias) AverageReward(int[] policy)
    {
        var a = Matrix<double>.Build.Dense(States, States);
        var b = Vector<double>.Build.Dense(States);
        for (int s = 0; s < States; s++)
        {
            int act = policy[s];
            a[s, 0] = 1; // unknown 0 is g (h(0) = 0 is fixed)
            for (int j = 1; j < States; j++) a[s, j] = (s == j ? 1 : 0) - P[act][s, j];
            b[s] = R[s, act];
        }
        var x = a.Solve(b).ToArray();
        var h = new double[States];
        for (int j = 1; j < States; j++) h[j] = x[j];
        return (x[0], h);
    }

    /// <summary>Naive finite-horizon recursion V_t(s) = max_a r + Σ P V_{t+1}, with a model per step.</summary>
    public static double[][] FiniteHorizon(Func<int, DenseReference> atStep, int horizon)
    {
        var v = new double[horizon + 1][];
        v[horizon] = new double[atStep(0).States];
        for (int t = horizon - 1; t >= 0; t--)
        {
            var d = atStep(t);
            v[t] = new double[d.States];
            for (int s = 0; s < d.States; s++)
            {
                if (d.Terminal[s]) continue;
                double best = double.NegativeInfinity;
                for (int a = 0; a < d.Actions; a++)
                    if (d.Enabled[s, a]) best = Math.Max(best, d.Q(s, a, v[t + 1], 1.0));
                v[t][s] = best;
            }
        }
        return v;
    }

    public static double MaxDiff(double[] x, double[] y)
    {
        double m = 0;
        for (int i = 0; i < x.Length; i++) m = Math.Max(m, Math.Abs(x[i] - y[i]));
        return m;
    }
}
