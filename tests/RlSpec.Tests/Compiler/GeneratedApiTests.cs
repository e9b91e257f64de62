using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Models;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// The typed API of generated models (through the source generator, on the examples): State and Action
/// records, conversions to and from indices, and label lookup that parses instead of listing every label.
/// </summary>
public class GeneratedApiTests
{
    [Fact]
    public void States_round_trip_through_records_indices_and_labels()
    {
        var grid = Gridworld.Create();
        for (int s = 0; s < grid.StateCount; s++)
        {
            var state = grid.StateOf(s);
            Assert.Equal(s, grid.IndexOf(state));
            Assert.Equal($"(x={state.X}, y={state.Y})", grid.StateLabel(s));
            Assert.True(grid.TryParseState(grid.StateLabel(s), out int parsed));
            Assert.Equal(s, parsed);
        }
        Assert.Equal(grid.StateIndex(2, 1), grid.IndexOf(new Gridworld.State(X: 2, Y: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.StateOf(grid.StateCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.IndexOf(new Gridworld.State(X: 4, Y: 0)));
    }

    [Fact]
    public void Labels_parse_with_any_spacing_and_anything_else_is_rejected()
    {
        var grid = Gridworld.Create();
        Assert.True(grid.TryParseState(" ( x = 2 ,y=1 ) ", out int s));
        Assert.Equal(grid.IndexOf(new Gridworld.State(2, 1)), s);
        foreach (var bad in new[] { "", "()", "(x=2)", "(y=1, x=2)", "(x=2, y=1", "x=2, y=1)", "(x=4, y=1)", "(x=-1, y=0)", "(x=2, y=1) x",
                     "(x=2, y=1, z=0)", "(x=two, y=1)", "(xx=2, y=1)", "(x=2; y=1)", "(x=2, y=99999999999)", null })
        {
            Assert.False(grid.TryParseState(bad!, out int state), bad ?? "null");
            Assert.Equal(-1, state);
        }
    }

    [Fact]
    public void Booleans_and_enumerations_parse_back_to_their_state()
    {
        var result = RlSpecCompiler.Compile("kinds.rlspec", @"
mdp Kinds {
  state n in -2..1, up : bool, weather in {sunny, rainy, foggy}
  action wait
  discount 0.9
  wait: n' = n
  reward: n
}");
        var model = Assert.Single(result.Models);
        var loaded = InMemoryModelCompiler.Load(model);
        Assert.True(loaded.Host != null, string.Join("\n", loaded.Errors));
        var mdp = (IMdp)loaded.Host!.GetType().GetProperty("Model")!.GetValue(loaded.Host)!;
        Assert.Equal(4 * 2 * 3, mdp.StateCount);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            Assert.True(mdp.TryParseState(mdp.StateLabel(s), out int parsed), mdp.StateLabel(s));
            Assert.Equal(s, parsed);
        }
        Assert.False(mdp.TryParseState("(n=0, up=yes, weather=sunny)", out _));
        Assert.False(mdp.TryParseState("(n=0, up=true, weather=snowy)", out _));
        Assert.False(mdp.TryParseState("(n=0, up=true, weather=sunnyx)", out _));
    }

    [Fact]
    public void Actions_carry_the_family_index()
    {
        var inventory = Inventory.Create();
        var order3 = new Inventory.Action(Inventory.ActionKind.Order, 3);
        Assert.Equal("order(3)", order3.ToString());
        int index = inventory.IndexOf(order3);
        Assert.Equal(order3, inventory.ActionOf(index));
        Assert.Equal("order(3)", inventory.ActionName(index));
        for (int a = 0; a < inventory.ActionCount; a++) Assert.Equal(a, inventory.IndexOf(inventory.ActionOf(a)));
        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.IndexOf(new Inventory.Action(Inventory.ActionKind.Order, 21)));
        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.IndexOf(new Inventory.Action(Inventory.ActionKind.Order, -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => inventory.ActionOf(inventory.ActionCount));

        var grid = Gridworld.Create();
        Assert.Equal(new Gridworld.Action(Gridworld.ActionKind.Right), grid.ActionOf(3));
        Assert.Equal("right", grid.ActionOf(3).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.IndexOf(new Gridworld.Action(Gridworld.ActionKind.Up, 1)));
    }

    [Fact]
    public void Parameters_are_PascalCase_properties()
    {
        var grid = Gridworld.Create(slip: 0.1, step_cost: 0.5);
        Assert.Equal(0.1, grid.Slip);
        Assert.Equal(0.5, grid.StepCost);
    }

    [Fact]
    public void Looking_up_one_state_of_a_ten_million_state_model_allocates_nothing()
    {
        var model = Admission.Create(N: 10_000_000);
        IMdp boxed = model;
        Assert.Equal(10_000_001, model.StateCount);
        // Warm up: the first calls compile the methods.
        boxed.TryParseState("(n=0)", out _);
        model.TryParseState("(n=0)", out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool foundFirst = model.TryParseState("(n=0)", out int first);
        bool foundLast = boxed.TryParseState("(n=10000000)", out int last);
        bool foundBeyond = boxed.TryParseState("(n=10000001)", out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(foundFirst && foundLast && !foundBeyond);
        Assert.Equal(0, first);
        Assert.Equal(10_000_000, last);
        // The label-scanning default would build ten million strings (hundreds of megabytes).
        Assert.True(allocated == 0, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Solutions_still_look_states_up_by_label()
    {
        var solution = RiverSwim.Create().Solve();
        Assert.Equal(solution.Values[0], solution.Value("(s=0)"));
        Assert.Equal(solution.ActionName(solution.Policy[5]), solution.Action("(s=5)"));
        Assert.Equal(3, solution.IndexOf("(s=3)"));
        Assert.Throws<KeyNotFoundException>(() => solution.Value("(s=6)"));
        Assert.Throws<KeyNotFoundException>(() => solution.Value("(t=0)"));
    }

    [Fact]
    public void A_model_without_a_parser_finds_states_by_comparing_labels()
    {
        IMdp chain = new LabelOnly(Chain.Create());
        Assert.True(chain.TryParseState("(s=2)", out int s));
        Assert.Equal(2, s);
        Assert.False(chain.TryParseState("(s = 2)", out s));
        Assert.Equal(-1, s);
    }

    /// <summary>A model that keeps <see cref="IMdp.TryParseState"/>'s default implementation.</summary>
    private readonly struct LabelOnly(Chain inner) : IMdp
    {
        public int StateCount => inner.StateCount;
        public int ActionCount => inner.ActionCount;
        public Criterion Criterion => inner.Criterion;
        public bool IsTimeDependent => inner.IsTimeDependent;
        public string Name => inner.Name;
        public bool IsTerminal(int state) => inner.IsTerminal(state);
        public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor visitor)
            where TVisitor : struct, ITransitionVisitor, allows ref struct => inner.Transitions(state, action, step, ref visitor);
        public void Initial<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct => inner.Initial(ref visitor);
        public string StateLabel(int state) => inner.StateLabel(state);
        public string ActionName(int action) => inner.ActionName(action);
        public SourceLocation RuleLocation(int rule) => inner.RuleLocation(rule);
    }
}
