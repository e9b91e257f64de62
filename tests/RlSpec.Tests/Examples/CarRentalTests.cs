using System;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;
using RlSpec.Tests.Infrastructure;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// examples/car-rental.rlspec against <see cref="SmallCarRental"/>, the same model written by hand:
/// every state-action row has the same successor probabilities and expected reward.
/// </summary>
public class CarRentalTests
{
    [Fact]
    public void Car_rental_matches_the_hand_written_model_row_by_row()
    {
        var emitted = RlSpec.Models.CarRental.Create();
        var hand = new SmallCarRental(5);
        Assert.Equal(hand.StateCount, emitted.StateCount);
        Assert.Equal(hand.ActionCount, emitted.ActionCount);
        for (int s = 0; s < hand.StateCount; s++)
        {
            Assert.Equal(hand.StateLabel(s), emitted.StateLabel(s));
            for (int a = 0; a < hand.ActionCount; a++)
            {
                Assert.Equal(hand.ActionName(a), emitted.ActionName(a));
                var (handAvailable, handRow, handReward) = Row(hand, s, a);
                var (emittedAvailable, emittedRow, emittedReward) = Row(emitted, s, a);
                Assert.Equal(handAvailable, emittedAvailable);
                Assert.Equal(handReward, emittedReward, 9);
                Assert.Equal(handRow.Keys, emittedRow.Keys);
                foreach (var (next, p) in handRow) Assert.Equal(p, emittedRow[next], 12);
            }
        }
    }

    [Fact]
    public void Car_rental_solves_like_the_dense_reference() => ReferenceChecks.CheckStationary(RlSpec.Models.CarRental.Create());

    private static (bool, SortedDictionary<int, double>, double) Row<TModel>(TModel model, int s, int a) where TModel : struct, IMdp
    {
        var row = new SortedDictionary<int, double>();
        var visitor = new RowVisitor(row, new double[1]);
        bool available = model.Transitions(s, a, 0, ref visitor);
        return (available, row, visitor.Reward[0]);
    }

    private readonly struct RowVisitor(SortedDictionary<int, double> row, double[] reward) : ITransitionVisitor
    {
        public double[] Reward => reward;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double r)
        {
            row[next] = row.GetValueOrDefault(next) + probability;
            reward[0] += probability * r;
        }
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}
