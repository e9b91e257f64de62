using System;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Modeling;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Runtime.Models;

/// <summary>
/// examples/car-rental.rlspec written by hand (Jack's car rental, Sutton and Barto Example 4.2, with
/// room for <c>cap</c> cars per location): the exact side enumerates the four Poisson random variables
/// (requests and returns, clamped to 0..cap), the generative side draws each once from its
/// <see cref="FiniteDistribution"/>; the tip for not moving cars is a Bernoulli(0.1) reward.
/// Actions are move(m), m = −2..2, at index m + 2; state (n1, n2) at index n1·(cap+1) + n2.
/// </summary>
public readonly struct SmallCarRental : IGenerativeMdp
{
    private readonly int _cap;
    private readonly FiniteDistribution _requests1, _requests2, _returns1, _returns2;

    public SmallCarRental(int cap)
    {
        _cap = cap;
        _requests1 = FiniteDistribution.Poisson(3, 0, cap, clamp: true);
        _requests2 = FiniteDistribution.Poisson(4, 0, cap, clamp: true);
        _returns1 = FiniteDistribution.Poisson(3, 0, cap, clamp: true);
        _returns2 = FiniteDistribution.Poisson(2, 0, cap, clamp: true);
    }

    private const double Rent = 10, MoveCost = 2, Tip = 0.1;

    public int StateCount => (_cap + 1) * (_cap + 1);
    public int ActionCount => 5;
    public Criterion Criterion => Criterion.Discounted(0.9);
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => false;
    public string Name => "SmallCarRental";
    public string StateLabel(int state) => $"(n1={state / (_cap + 1)}, n2={state % (_cap + 1)})";
    public string ActionName(int action) => $"move({action - 2})";
    public SourceLocation RuleLocation(int rule) => new("car-rental.rlspec", 21, 3);

    private bool Move(int state, int action, out int cars1, out int cars2, out int m)
    {
        int n1 = state / (_cap + 1), n2 = state % (_cap + 1);
        m = action - 2;
        cars1 = Math.Min(n1 - m, _cap);
        cars2 = Math.Min(n2 + m, _cap);
        return n1 - m >= 0 && n2 + m >= 0;
    }

    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (!Move(state, action, out int cars1, out int cars2, out int m)) return false;
        double tip = m == 0 ? Tip : 0;
        for (int q1 = 0; q1 <= _cap; q1++)
            for (int q2 = 0; q2 <= _cap; q2++)
                for (int r1 = 0; r1 <= _cap; r1++)
                    for (int r2 = 0; r2 <= _cap; r2++)
                    {
                        double p = _requests1.Pmf[q1] * _requests2.Pmf[q2] * _returns1.Pmf[r1] * _returns2.Pmf[r2];
                        int next1 = Math.Min(Math.Max(cars1 - q1, 0) + r1, _cap), next2 = Math.Min(Math.Max(cars2 - q2, 0) + r2, _cap);
                        double reward = Rent * (Math.Min(q1, cars1) + Math.Min(q2, cars2)) - MoveCost * Math.Abs(m) + tip;
                        v.Outcome(next1 * (_cap + 1) + next2, p, reward);
                    }
        return true;
    }

    public int Sample(int state, int action, int step, ref RandomStream random, out double reward)
    {
        if (!Move(state, action, out int cars1, out int cars2, out int m)) { reward = 0; return -1; }
        int q1 = _requests1.Sample(ref random), q2 = _requests2.Sample(ref random);
        int r1 = _returns1.Sample(ref random), r2 = _returns2.Sample(ref random);
        reward = Rent * (Math.Min(q1, cars1) + Math.Min(q2, cars2)) - MoveCost * Math.Abs(m);
        if (m == 0 && Sampling.Bernoulli(ref random, Tip)) reward += 1;
        int next1 = Math.Min(Math.Max(cars1 - q1, 0) + r1, _cap), next2 = Math.Min(Math.Max(cars2 - q2, 0) + r2, _cap);
        return next1 * (_cap + 1) + next2;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => v.Outcome(StateCount - 1, 1.0, 0);
}
