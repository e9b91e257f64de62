using System;
using System.Linq;
using RlSpec.Examples.CustomBandit;
using RlSpec.Models;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;

// four-arms.rlspec's experiment TunedRegret is a C# class here (the source generator wrote it during the
// build). Its Algorithms() are the built-in ones it declares; we add our own struct and run them together
// with the same spec: the same seeds, the same common random numbers, the same statistics and outputs.
// Usage: dotnet run --project examples/RlSpec.Examples.CustomBandit [-- RUNS [OUT_DIR]]
int runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
var spec = TunedRegret.Spec(runs: runs);
var declared = TunedRegret.Algorithms();
var withMine = declared.Append(new AlgorithmEntry<UcbTuned>("ucb_tuned", "UCB-Tuned (mine)", [], () => new UcbTuned())).ToList();

var result = TunedRegret.Run(spec, withMine);
SummaryTable.Write(result, Console.Out);
if (args.Length > 1)
    foreach (var file in ExperimentOutput.WriteAll(result, args[1])) Console.WriteLine($"wrote {file}");

// Run r of every algorithm sees the same rewards, and adding an algorithm changes no other algorithm's numbers:
// the built-in algorithms' curves are bit for bit those of the experiment as declared.
var alone = TunedRegret.Run(spec, declared);
for (int a = 0; a < declared.Count; a++)
{
    var mine = result.Curves(Statistic.Regret)[a];
    var theirs = alone.Curves(Statistic.Regret)[a];
    if (!mine.Mean.SequenceEqual(theirs.Mean) || !mine.High.SequenceEqual(theirs.High))
    {
        Console.Error.WriteLine($"{mine.Label}: the numbers changed when UCB-Tuned was added; the engine's streams are not common");
        return 1;
    }
}
Console.WriteLine($"the {declared.Count} built-in algorithms have the same numbers with and without UCB-Tuned");
return 0;
