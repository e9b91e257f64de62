using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>How a member is named in messages: by the keyword that starts it.</summary>
    public static class MemberKeywords
    {
        public static string Describe(MemberNode member) => member switch
        {
            ParamNode _ => "`param`",
            LetNode _ => "`let`",
            RandomNode _ => "`let ... ~`",
            StateVarNode _ => "`state`",
            ActionNode _ => "`action`",
            InitNode _ => "`init`",
            DiscountNode _ => "`discount`",
            HorizonNode _ => "`horizon`",
            AverageNode _ => "`average`",
            UntilNode _ => "`until`",
            DefaultNode _ => "`default`",
            TransitionTableNode _ => "`transition`",
            RewardTableNode _ => "`reward = [...]`",
            RewardNode _ => "`reward`",
            RuleNode _ => "a transition rule",
            RewardFunctionNode _ => "`reward(...)`",
            SettingNode s => $"`{s.Key.Text}`",
            VariableNode v => $"`{v.Word.Text} {v.Name.Text} : ...` (a variable)",
            SaddleNode _ => "`min ... max ...` (a saddle objective)",
            _ => "this member",
        };
    }
}
