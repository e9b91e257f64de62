using System;
using System.Linq;
using RlSpec.Compiler.Semantics;
using RlSpec.Runtime.Modeling;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// Distributions at run time, as the emitted model builds them: a random variable's finite form from the runtime's
/// <see cref="FiniteDistribution"/> factories (the calls <c>DistributionFamilies</c> writes into emitted <c>Create</c>),
/// and a reward distribution's mean as emitted code computes it (the finite form's mean when it has one, else the
/// family's closed form with the same operation order).
/// </summary>
internal static class Distributions
{
    /// <summary>The finite form of <paramref name="d"/>, its arguments (and truncation bounds) evaluated by <paramref name="eval"/>.</summary>
    public static FiniteDistribution Finite(BoundDistribution d, Func<BoundExpr, object> eval)
    {
        object Arg(int k) => eval(d.Arguments[k]);
        int? lo = d.Lo is null ? null : checked((int)(long)eval(d.Lo));
        int? hi = d.Hi is null ? null : checked((int)(long)eval(d.Hi));
        FiniteDistribution Restricted(FiniteDistribution f) => lo is null ? f : f.Restricted(lo.Value, hi!.Value, d.Clamp);
        return d.Family.Name switch
        {
            "bernoulli" => Restricted(FiniteDistribution.Bernoulli(ConstantEvaluator.ToReal(Arg(0)))),
            "binomial" => Restricted(FiniteDistribution.Binomial(checked((int)(long)Arg(0)), ConstantEvaluator.ToReal(Arg(1)))),
            "poisson" => FiniteDistribution.Poisson(ConstantEvaluator.ToReal(Arg(0)), lo!.Value, hi!.Value, d.Clamp),
            "geometric" => FiniteDistribution.Geometric(ConstantEvaluator.ToReal(Arg(0)), lo!.Value, hi!.Value, d.Clamp),
            "uniform" => Restricted(FiniteDistribution.Uniform(checked((int)(long)Arg(0)), checked((int)(long)Arg(1)))),
            "categorical" => Restricted(FiniteDistribution.Categorical(((object[])Arg(0)).Select(ConstantEvaluator.ToReal).ToArray())),
            _ => throw new InterpretedDeclinedException($"the distribution {d.Family.Name} has no finite form"),
        };
    }

    /// <summary>
    /// The mean of a reward distribution without a finite form, as <c>DistributionFamilies</c>' mean code computes it
    /// (binomial <c>n * p</c>, geometric <c>(1 - p) / p</c>, uniform <c>0.5 * lo + 0.5 * hi</c>, ...).
    /// </summary>
    public static double ClosedFormMean(BoundDistribution d, Func<BoundExpr, object> eval)
    {
        double Real(int k) => ConstantEvaluator.ToReal(eval(d.Arguments[k]));
        switch (d.Family.Name)
        {
            case "bernoulli":
            case "poisson":
            case "normal":
                return Real(0);
            case "binomial":
                return (long)eval(d.Arguments[0]) * Real(1);
            case "geometric":
            {
                double p = Real(0);
                return (1 - p) / p;
            }
            case "uniform":
                return 0.5 * Real(0) + 0.5 * Real(1);
            case "categorical":
                return Functions.CategoricalMean(((object[])eval(d.Arguments[0])).Select(ConstantEvaluator.ToReal).ToArray());
            default:
                throw new InterpretedDeclinedException($"the distribution {d.Family.Name} has no mean here");
        }
    }
}
