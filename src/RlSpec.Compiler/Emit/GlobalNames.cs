namespace RlSpec.Compiler.Emit
{
    /// <summary>
    /// Fully qualified names of the framework and runtime types emitted code uses. Emitted code has no
    /// <c>using</c> directives and spells every such name from <c>global::</c>, because a model, parameter
    /// or variable may be called <c>Math</c>, <c>System</c> or <c>Criterion</c> (as a type in
    /// RlSpec.Models, a property or a local), and a shorter spelling would then mean the user's name.
    /// </summary>
    internal static class GlobalNames
    {
        public const string Math = "global::System.Math";
        public const string Array = "global::System.Array";
        public const string ArgumentException = "global::System.ArgumentException";
        public const string ArgumentOutOfRangeException = "global::System.ArgumentOutOfRangeException";
        public const string InvariantCulture = "global::System.Globalization.CultureInfo.InvariantCulture";
        public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
        public const string AggressiveInlining =
            "global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)";

        public const string IMdp = "global::RlSpec.Runtime.Mdp.IMdp";
        public const string IGenerativeMdp = "global::RlSpec.Runtime.Mdp.IGenerativeMdp";
        public const string RandomStream = "global::RlSpec.Runtime.Randomness.RandomStream";
        public const string Sampling = "global::RlSpec.Runtime.Randomness.Sampling";
        public const string InvalidOperationException = "global::System.InvalidOperationException";
        public const string ITransitionVisitor = "global::RlSpec.Runtime.Mdp.ITransitionVisitor";
        public const string Criterion = "global::RlSpec.Runtime.Mdp.Criterion";
        public const string SourceLocation = "global::RlSpec.Runtime.Mdp.SourceLocation";
        public const string ModelError = "global::RlSpec.Runtime.Mdp.ModelError";
        public const string MdpValidator = "global::RlSpec.Runtime.Mdp.MdpValidator";
        public const string StateLabelReader = "global::RlSpec.Runtime.Mdp.StateLabelReader";
        public const string MdpSolution = "global::RlSpec.Runtime.Solvers.MdpSolution";
        public const string MdpSolver = "global::RlSpec.Runtime.Solvers.MdpSolver";
        public const string SolverOptions = "global::RlSpec.Runtime.Solvers.SolverOptions";
        public const string Functions = "global::RlSpec.Runtime.Modeling.Functions";
        public const string CheckedArithmetic = "global::RlSpec.Runtime.Modeling.CheckedArithmetic";
        public const string FiniteDistribution = "global::RlSpec.Runtime.Modeling.FiniteDistribution";
        public const string Vectors = "global::RlSpec.Runtime.Modeling.Vectors";
        public const string Span = "global::System.Span";
        public const string ReadOnlySpan = "global::System.ReadOnlySpan";
        public const string IBandit = "global::RlSpec.Runtime.Bandits.IBandit";
        public const string BanditFamily = "global::RlSpec.Runtime.Bandits.BanditFamily";
        public const string RewardDistribution = "global::RlSpec.Runtime.Bandits.RewardDistribution";
    }
}
