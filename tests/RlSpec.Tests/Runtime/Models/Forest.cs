using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Runtime.Models;

/// <summary>pymdptoolbox's forest-management example (example.forest(S, r1, r2, p)), reference/benchmarks.md.</summary>
public readonly struct Forest(int states, double r1, double r2, double p, double gamma) : IMdp
{
    /// <summary>example.forest() with its defaults S = 3, r1 = 4, r2 = 2, p = 0.1, and discount 0.96.</summary>
    /// <remarks>A factory, not optional constructor parameters: <c>new Forest()</c> on a struct would be the all-zero value.</remarks>
    public static Forest Example => new(3, 4.0, 2.0, 0.1, 0.96);

    public int StateCount => states;
    public int ActionCount => 2;
    public Criterion Criterion => Criterion.Discounted(gamma);
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => false;
    public string Name => "Forest";
    public string StateLabel(int state) => $"(age={state})";
    public string ActionName(int action) => action == 0 ? "wait" : "cut";
    public SourceLocation RuleLocation(int rule) => new("forest.rlspec", 1 + rule, 3);

    public bool Transitions<TVisitor>(int age, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (action == 0)
        {
            double r = age == states - 1 ? r1 : 0;
            v.Outcome(0, p, r);
            v.Outcome(Math.Min(age + 1, states - 1), 1 - p, r);
        }
        else
        {
            v.Outcome(0, 1.0, age == states - 1 ? r2 : age > 0 ? 1 : 0);
        }
        return true;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => v.Outcome(0, 1.0, 0);
}
