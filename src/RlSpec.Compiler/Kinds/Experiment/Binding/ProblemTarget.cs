using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Kinds.Problem;
using RlSpec.Compiler.Kinds.Problem.Binding;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// What an experiment needs to know about the problem it runs on, read off the declaration's syntax (its own
    /// binding may come later in the file, and reports any mistake in these members): whether it is a saddle
    /// problem, whether every variable is on the simplex (and the first that is not), whether it has
    /// <c>regularize l1</c>, whether its loss reads the round t, whether the objective is a finite sum, and its
    /// non-smooth operations (<see cref="ProblemKind.NonsmoothOperations"/>).
    /// </summary>
    public sealed class ProblemTarget
    {
        private ProblemTarget(ModelNode problem)
        {
            var variables = problem.Members.OfType<VariableNode>().ToList();
            IsSaddle = problem.Members.Any(m => m is SaddleNode);
            NotOnSimplex = variables.FirstOrDefault(v => !(v.Domain is NameExpr { Name: "simplex" } || v.Domain is CallExpr { Function.Text: "simplex" }));
            HasL1 = problem.Members.Any(m => m is SettingNode { Key.Text: "regularize" });
            var objective = problem.Members.Select(m => m switch
            {
                SaddleNode s => s.Body,
                SettingNode { Key.Text: "minimize" } s when s.Arguments.Count == 1 => s.Arguments[0].Value,
                _ => null,
            }).FirstOrDefault(b => b != null);
            IsOnline = objective != null && ReadsRound(objective);
            IsFiniteSum = objective != null && IsSum(objective);
            Nonsmooth = ProblemKind.NonsmoothOperations(problem);
            HasVariables = variables.Count > 0;
            VariableNames = variables.Select(v => v.Name.Text).ToList();
            HasOptimum = problem.Members.Any(m => m is SettingNode { Key.Text: "optimum" });
            HasGapRadius = problem.Members.Any(m => m is SettingNode { Key.Text: "gap" });
        }

        /// <summary>The variables' names in declaration order (for a fix-it that declares the optimum).</summary>
        public IReadOnlyList<string> VariableNames { get; }

        /// <summary>Whether the problem declares <c>optimum x = ...</c> (needed by <c>distance</c>).</summary>
        public bool HasOptimum { get; }

        /// <summary>Whether the problem declares <c>gap radius = R</c> (needed by <c>duality_gap</c>).</summary>
        public bool HasGapRadius { get; }

        public static ProblemTarget Of(ModelNode problem) => new ProblemTarget(problem);

        public bool IsSaddle { get; }

        /// <summary>The first variable not declared <c>in simplex</c>, or null when all are.</summary>
        public VariableNode? NotOnSimplex { get; }

        public bool HasVariables { get; }

        public bool HasL1 { get; }

        public bool IsOnline { get; }

        public bool IsFiniteSum { get; }

        public IReadOnlyList<NonsmoothFact> Nonsmooth { get; }

        /// <summary>What the problem provides, as the table's flags (Smooth when it has no non-smooth operation).</summary>
        public ProblemNeeds Provides =>
            (IsSaddle ? ProblemNeeds.Saddle : ProblemNeeds.Minimization)
            | (HasVariables && NotOnSimplex is null ? ProblemNeeds.Simplex : 0)
            | (HasL1 ? ProblemNeeds.L1 : 0)
            | (IsOnline ? ProblemNeeds.Online : 0)
            | (IsFiniteSum ? ProblemNeeds.FiniteSum : 0)
            | (Nonsmooth.Count == 0 ? ProblemNeeds.Smooth : 0);

        /// <summary>"a saddle problem (min x max y)", for messages.</summary>
        public string Describe =>
            IsSaddle ? "a saddle problem (min x max y)" : IsOnline ? "an online problem" : HasL1 ? "a minimization with regularize l1" : "a minimization";

        /// <summary>True when the expression names the round <c>t</c> outside a sum over an index called t.</summary>
        private static bool ReadsRound(ExprNode e) => e switch
        {
            NameExpr n => n.Name == "t",
            CallExpr c => c.Arguments.Any(a => ReadsRound(a.Value)),
            ChainExpr ch => ReadsRound(ch.First) || ch.Links.Any(l => ReadsRound(l.Operand)),
            BinaryExpr b => ReadsRound(b.Left) || ReadsRound(b.Right),
            UnaryExpr u => ReadsRound(u.Operand),
            SumExpr s => s.Variable.Text != "t" && ReadsRound(s.Body),
            IndexExpr x => ReadsRound(x.Target) || ReadsRound(x.Index),
            _ => false,
        };

        /// <summary>A finite sum: a sum over an index range, possibly scaled by constants (<c>sum(...) / (4 * m)</c>).</summary>
        private static bool IsSum(ExprNode e) => e switch
        {
            SumExpr _ => true,
            BinaryExpr b when b.Op is "/" => IsSum(b.Left),
            BinaryExpr b when b.Op is "*" => IsSum(b.Left) || IsSum(b.Right),
            _ => false,
        };
    }
}
