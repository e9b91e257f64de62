using System.Linq;
using RlSpec.Runtime.Mdp;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

public class MdpValidatorTests
{
    [Fact]
    public void Correct_models_have_no_errors()
    {
        Assert.Empty(MdpValidator.Validate(new Broken(Defect.None)));
        Assert.Empty(MdpValidator.Validate(new RiverSwim(6, Criterion.Discounted(0.9))));
        Assert.Empty(MdpValidator.Validate(new GridWorld(4, 4)));
        Assert.Empty(MdpValidator.Validate(new TimedRiverSwim(5, 4)));
        Assert.Empty(MdpValidator.Validate(new Cycle()));
        Assert.Empty(MdpValidator.Validate(SparseMdp.From(Forest.Example)));
    }

    [Theory]
    [InlineData(Defect.SumBelowOne, "RLS0300", "sum to 0.9", true)]
    [InlineData(Defect.NegativeProbability, "RLS0301", "-0.2", true)]
    [InlineData(Defect.OutOfRange, "RLS0302", "#0' to 7", true)]
    [InlineData(Defect.NoMatchingRule, "RLS0303", "declare `default: stay`", false)]
    [InlineData(Defect.NoEnabledAction, "RLS0304", "no enabled action", false)]
    [InlineData(Defect.NaNReward, "RLS0305", "NaN", true)]
    [InlineData(Defect.BadInitial, "RLS0306", "sums to 0.5", false)]
    [InlineData(Defect.InitialOutOfRange, "RLS0306", "state index 5", false)]
    public void Each_defect_gives_its_error_id(Defect defect, string id, string text, bool hasLocation)
    {
        var errors = MdpValidator.Validate(new Broken(defect));
        var error = Assert.Single(errors);
        Assert.Equal(id, error.Id);
        Assert.Contains(text, error.Message);
        if (defect is not (Defect.BadInitial or Defect.InitialOutOfRange)) Assert.Equal("(s=1)", error.State);
        if (hasLocation)
        {
            Assert.Equal(new SourceLocation("broken.rlspec", 10, 3), error.Location);
            Assert.Equal("move", error.Action);
            Assert.StartsWith("broken.rlspec(10,3): error " + id + ":", error.ToString());
        }
    }

    [Fact]
    public void Error_count_is_capped()
    {
        var errors = MdpValidator.Validate(RandomModels.Sparse(1, 50, 2, Criterion.Discounted(0.9)) is var m
            ? new SparseMdp("Scaled", m.Criterion, 2, m.RowGroupStart.ToArray(), m.RowActions.ToArray(), m.RowStart.ToArray(),
                m.Columns.ToArray(), m.Probabilities.ToArray().Select(p => p * 0.5).ToArray(), m.RowRewards.ToArray())
            : default, maxErrors: 5);
        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.Equal("RLS0300", e.Id));
    }
}
