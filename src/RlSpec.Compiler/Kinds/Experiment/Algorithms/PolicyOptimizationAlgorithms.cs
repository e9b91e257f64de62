using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Kinds.Experiment.Algorithms
{
    /// <summary>
    /// The table of built-in policy-optimization methods for experiments on a discounted mdp: the only place in
    /// the compiler that knows their names. It matches the runtime structs in
    /// <c>RlSpec.Runtime.Learning.PolicyOptimization</c> (a test checks by reflection that each type exists, is a
    /// public struct implementing IPolicyOptimizer, and has a public constructor with exactly these parameters).
    /// <c>samples</c> (on the methods that use Q-values) is the number of Monte Carlo rollouts per (s, a) of the
    /// sampled-Q variant; 0, the default, uses the exact Q-values of the planner.
    /// </summary>
    public static class PolicyOptimizationAlgorithms
    {
        /// <summary>The namespace of the runtime structs.</summary>
        public const string RuntimeNamespace = "RlSpec.Runtime.Learning.PolicyOptimization";

        private const AlgorithmParameterType Real = AlgorithmParameterType.Real, Int = AlgorithmParameterType.Int;

        private static BanditAlgorithm A(string name, string typeName, string summary, params AlgorithmParameter[] parameters) =>
            new BanditAlgorithm(name, typeName, BanditFits.PolicyOptimization, false, summary, parameters) { RuntimeNamespace = RuntimeNamespace };

        private static AlgorithmParameter Step(double @default) => new AlgorithmParameter("step", Real, @default, "the step size", ParameterRange.Positive);

        private static AlgorithmParameter Samples =>
            new AlgorithmParameter("samples", Int, 0, "Monte Carlo rollouts per state-action pair for the Q estimates; 0 uses the exact Q-values", ParameterRange.NonNegative);

        /// <summary>Every built-in policy-optimization method, in the order messages list them.</summary>
        public static readonly IReadOnlyList<BanditAlgorithm> All = new[]
        {
            A("softmax_pg", "SoftmaxPolicyGradient", "softmax policy gradient with exact gradients (Agarwal et al. 2021; Mei et al. 2020)", Step(0.1)),
            A("npg", "NaturalPolicyGradient", "natural policy gradient, constant or geometrically increasing steps (Kakade 2001; Xiao 2022)", Step(0.1),
                new AlgorithmParameter("growth", Real, 1.0, "the factor the step grows by each iteration (1 = constant)", ParameterRange.AtLeastOne), Samples),
            A("pmd_kl", "PolicyMirrorDescentKl", "policy mirror descent with the KL regularizer (Xiao 2022)", Step(1.0), Samples),
            A("pmd_euclidean", "PolicyMirrorDescentEuclidean", "policy mirror descent with the Euclidean regularizer (Xiao 2022)", Step(1.0), Samples),
            A("mdpo", "Mdpo", "mirror descent policy optimization (Tomar et al. 2020)", Step(1.0), Samples),
            A("entropy_npg", "EntropyRegularizedNpg", "entropy-regularized NPG (Cen et al. 2021)", Step(0.1),
                new AlgorithmParameter("tau", Real, 0.01, "the entropy weight", ParameterRange.Positive), Samples),
            A("projected_pg", "ProjectedPolicyGradient", "projected policy gradient with direct parameterization (Agarwal et al. 2021)", Step(0.1)),
            A("policy_iteration", "PolicyIterationReference", "policy iteration (Howard 1960), the reference"),
        };

        private static readonly Dictionary<string, BanditAlgorithm> ByName = All.ToDictionary(a => a.Name);

        public static bool TryGet(string name, out BanditAlgorithm algorithm) => ByName.TryGetValue(name, out algorithm!);

        /// <summary>The names, in table order, for messages.</summary>
        public static IEnumerable<string> Names => All.Select(a => a.Name);
    }
}
