using System;
using RlSpec.Models;
using RlSpec.Runtime.Solvers;

// The models in river-swim.rlspec, inventory.rlspec and gridworld.rlspec are C# types here: the
// RlSpec source generator compiled them during the build.

// RiverSwim with a longer river than the file's default (N = 6): parameters are named arguments.
var river = RiverSwim.Create(N: 10, H: 30);
var problems = river.Validate();
if (problems.Count > 0)
{
    foreach (var p in problems) Console.Error.WriteLine(p);
    return 1;
}
var solution = river.Solve();
Console.WriteLine($"RiverSwim (N = {river.N}, H = {river.H}), {solution.Method}:");
for (int s = 0; s < river.StateCount; s++)
    Console.WriteLine($"  {solution.StateLabel(s),-8} V0 = {solution.Values[s],9:F5}   first action: {solution.ActionName(solution.Policy[s])}");

// Inventory control: the optimal order quantity by stock level, read by state label.
var inventory = Inventory.Create(rate: 5.0);
var plan = inventory.Solve(new SolverOptions { Method = SolverMethod.PolicyIteration });
Console.WriteLine($"\nInventory (Poisson demand, rate 5): with 0 in stock, {plan.Action("(stock=0)")}; " +
                  $"with 3 in stock, {plan.Action("(stock=3)")} (error bound {plan.ErrorBound:0.0E+00})");

// The Russell-Norvig gridworld with a different slip probability.
var grid = Gridworld.Create(slip: 0.1);
var walk = grid.Solve();
Console.WriteLine($"\nGridworld (slip 0.1): V(start) = {walk.Value("(x=0, y=0)"):F4}, go {walk.Action("(x=0, y=0)")} from the start");

// The same through the typed API: State and Action records instead of labels and indices.
int start = grid.IndexOf(new Gridworld.State(X: 0, Y: 0));
Gridworld.Action first = grid.ActionOf(walk.Policy[start]);
Console.WriteLine($"  typed: {grid.StateOf(start)} -> {first.Kind} (slip {grid.Slip})");
return 0;
