using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Emit;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Kinds.Mdp.Lowering;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Mdp
{
    /// <summary>
    /// The <c>mdp</c> kind: state variables, actions, a criterion, guarded probabilistic rules and
    /// rewards. Bind (<see cref="MdpBinder"/>) gives a <see cref="BoundMdp"/>, lowering
    /// (<see cref="MdpLowering"/>) the <see cref="MdpIr"/>, and <see cref="MdpEmitter"/> a C# struct
    /// implementing <c>RlSpec.Runtime.Mdp.IMdp</c>.
    /// </summary>
    public sealed class MdpKind : ModelKind<BoundMdp, MdpIr>
    {
        public override string Keyword => "mdp";

        public override string MemberSummary =>
            "param, let, state, action, init, a criterion (discount, horizon, average, until), rules, default, reward and transition tables";

        public override IReadOnlyList<string> MemberWords { get; } = new[]
        {
            "param", "let", "state", "action", "init", "discount", "horizon", "average", "until", "default", "reward", "transition",
        };

        public override bool Allows(MemberNode member) => member is StateVarNode or ActionNode or InitNode or DiscountNode or HorizonNode
            or AverageNode or UntilNode or DefaultNode or TransitionTableNode or RewardTableNode or RewardNode or RuleNode;

        /// <summary>The step index <c>t</c> exists in finite-horizon models.</summary>
        public override void Prepare(Binder binder) =>
            binder.StepIndexAvailable = binder.Node.Members.OfType<HorizonNode>().Any();

        /// <summary>State variables (with their enumeration values) and actions, numbered in declaration order.</summary>
        public override void Declare(Binder binder, MemberNode member)
        {
            int stateIndex = binder.Symbols.OfType<StateVarSymbol>().Count();
            switch (member)
            {
                case RangeStateVarNode v:
                    binder.Declare(new StateVarSymbol(v.Name.Text, v.Name.Span, stateIndex, StateVarKind.Range, null));
                    break;
                case BoolStateVarNode v:
                    binder.Declare(new StateVarSymbol(v.Name.Text, v.Name.Span, stateIndex, StateVarKind.Bool, null));
                    break;
                case EnumStateVarNode v:
                {
                    var type = new EnumSymbol(v.Name.Text, v.Name.Span, v.Values.Select(x => x.Text).ToList());
                    if (binder.Declare(new StateVarSymbol(v.Name.Text, v.Name.Span, stateIndex, StateVarKind.Enum, type)))
                        for (int k = 0; k < v.Values.Count; k++)
                            binder.Declare(new EnumValueSymbol(v.Values[k].Text, v.Values[k].Span, type, k));
                    break;
                }
                case ActionNode a:
                {
                    var action = new ActionSymbol(a.Name.Text, a.Name.Span, binder.Symbols.OfType<ActionSymbol>().Count());
                    if (!binder.Declare(action)) break;
                    if (a.Index != null)
                    {
                        // One index symbol per family, shared by its guard, rules and rewards, so that a let
                        // reading it (`let a1 = min(a - n, 20)`) means the same index wherever it is used.
                        action.Index = new LocalSymbol(a.Index.Text, a.Index.Span);
                        binder.DeclareLetIndex(action.Index, action.Name);
                    }
                    break;
                }
            }
        }

        public override BoundMdp? Bind(Binder binder) => MdpBinder.Bind(binder);

        public override MdpIr? Lower(BoundMdp bound, Binder binder, CancellationToken cancellationToken) =>
            MdpLowering.Lower(bound, binder, cancellationToken);

        public override EmittedCode Emit(MdpIr ir) => new EmittedCode(ir.TypeName, MdpEmitter.Emit(ir));
    }
}
