using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Runtime.Models;

/// <summary>
/// A stochastic shortest path gridworld: width × height cells, goal (terminal) in the far
/// corner, cost 1 per step (reward −1); a move succeeds w.p. 0.8 and otherwise leaves the agent
/// in place; moving into a wall stays. Actions up, down, left, right; `left` is disabled in
/// column 0 (a guard, as in `left when x > 0`).
/// </summary>
public readonly struct GridWorld(int width, int height) : IMdp
{
    public int StateCount => width * height;
    public int ActionCount => 4;
    public Criterion Criterion => Criterion.TotalReward();
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => state == width * height - 1;
    public string Name => "GridWorld";
    public string StateLabel(int state) => $"(x={state % width}, y={state / width})";
    public string ActionName(int action) => action switch { 0 => "up", 1 => "down", 2 => "left", _ => "right" };
    public SourceLocation RuleLocation(int rule) => new("grid.rlspec", 1 + rule, 1);

    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        int x = state % width, y = state / width;
        if (action == 2 && x == 0) return false;
        int nx = x, ny = y;
        switch (action)
        {
            case 0: ny = y + 1 < height ? y + 1 : y; break;
            case 1: ny = y > 0 ? y - 1 : y; break;
            case 2: nx = x - 1; break;
            default: nx = x + 1 < width ? x + 1 : x; break;
        }
        v.Outcome(ny * width + nx, 0.8, -1);
        v.Outcome(state, 0.2, -1);
        return true;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => v.Outcome(0, 1.0, 0);
}

/// <summary>
/// Two states, 1 terminal. In state 0, `stay` loops with reward <c>loopReward</c> and `go`
/// terminates with reward −1. loopReward = 0: the optimal policy stays forever (improper);
/// loopReward = 1: values diverge; loopReward = −2: `go` is optimal.
/// </summary>
public readonly struct Loop(double loopReward) : IMdp
{
    public int StateCount => 2;
    public int ActionCount => 2;
    public Criterion Criterion => Criterion.TotalReward();
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => state == 1;
    public string Name => "Loop";
    public string StateLabel(int state) => state == 0 ? "(start)" : "(done)";
    public string ActionName(int action) => action == 0 ? "stay" : "go";
    public SourceLocation RuleLocation(int rule) => new("loop.rlspec", 1 + rule, 1);

    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (action == 0) v.Outcome(0, 1.0, loopReward);
        else v.Outcome(1, 1.0, -1);
        return true;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => v.Outcome(0, 1.0, 0);
}

/// <summary>
/// A periodic model for the average-reward criterion: `next` walks the cycle 0 → 1 → 2 → 0
/// deterministically with rewards 1, 0, 2 (gain 1); `stay` is enabled only in state 2 and pays
/// 0.9 per step. Plain relative value iteration oscillates on the cycle forever.
/// </summary>
public readonly struct Cycle : IMdp
{
    private static readonly double[] Rewards = [1, 0, 2];
    public int StateCount => 3;
    public int ActionCount => 2;
    public Criterion Criterion => Criterion.AverageReward();
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => false;
    public string Name => "Cycle";
    public string StateLabel(int state) => $"(c={state})";
    public string ActionName(int action) => action == 0 ? "next" : "stay";
    public SourceLocation RuleLocation(int rule) => new("cycle.rlspec", 1 + rule, 1);

    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (action == 0) { v.Outcome((state + 1) % 3, 1.0, Rewards[state]); return true; }
        if (state != 2) return false;
        v.Outcome(2, 1.0, 0.9);
        return true;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => v.Outcome(0, 1.0, 0);
}
