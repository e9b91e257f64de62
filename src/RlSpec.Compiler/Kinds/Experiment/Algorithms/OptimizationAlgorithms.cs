using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Kinds.Experiment.Algorithms
{
    /// <summary>What a first-order method needs from a problem (flags): each is read off the problem's declaration.</summary>
    [System.Flags]
    public enum ProblemNeeds
    {
        None = 0,
        /// <summary>A saddle objective <c>min x max y f</c> (GDA, extragradient, optimistic GDA, mirror prox).</summary>
        Saddle = 1,
        /// <summary>Every variable on the simplex (mirror descent, mirror prox).</summary>
        Simplex = 2,
        /// <summary><c>regularize l1(x, λ)</c> (proximal gradient).</summary>
        L1 = 4,
        /// <summary>A loss that depends on the round t (OGD, OMD, optimistic OMD).</summary>
        Online = 8,
        /// <summary>A finite sum (SGD samples its terms).</summary>
        FiniteSum = 16,
        /// <summary>A minimization (not a saddle objective): the one-player methods.</summary>
        Minimization = 32,
        /// <summary>A differentiable objective: the method's rate assumes a gradient (RLS0902 warns on a non-smooth operation).</summary>
        Smooth = 64,
    }

    /// <summary>How the runtime constructor takes the step: a <c>StepSchedule</c>, a plain <c>double</c>, or no step.</summary>
    public enum StepForm { Schedule, Plain, None }

    /// <summary>
    /// One built-in first-order method for experiments on a <c>problem</c>: its .rlspec name, the runtime struct
    /// (generic over the problem, in <c>RlSpec.Runtime.Optimization.Methods</c>), what it needs from the problem, how
    /// it takes the step, the fixed leading constructor argument (the saddle algorithm) and its own parameters
    /// (after the step; the compiler owns every default). <c>schedule</c> (and <c>ratio</c> for geometric) is
    /// accepted by every method whose step is a <see cref="StepForm.Schedule"/>.
    /// </summary>
    public sealed class OptimizationMethod
    {
        public OptimizationMethod(string name, string typeName, ProblemNeeds needs, StepForm step, double defaultStep, string summary,
            string? leading = null, bool entropic = false, params AlgorithmParameter[] parameters)
        {
            Name = name;
            TypeName = typeName;
            Needs = needs;
            Step = step;
            DefaultStep = defaultStep;
            Summary = summary;
            Leading = leading;
            Entropic = entropic;
            Parameters = parameters;
        }

        public string Name { get; }

        /// <summary>The generic struct's name without arity: <c>GradientDescent</c>.</summary>
        public string TypeName { get; }

        public ProblemNeeds Needs { get; }

        public StepForm Step { get; }

        public double DefaultStep { get; }

        public string Summary { get; }

        /// <summary>The SaddleAlgorithm member passed first (saddle and optimistic methods), or null.</summary>
        public string? Leading { get; }

        /// <summary>True for the entropic geometry of SaddlePointMethods (mirror prox, OMWU).</summary>
        public bool Entropic { get; }

        /// <summary>The constructor parameters after the step, in order, with the compiler's defaults.</summary>
        public IReadOnlyList<AlgorithmParameter> Parameters { get; }

        /// <summary>Every parameter the method accepts in .rlspec, for messages.</summary>
        public IEnumerable<string> ParameterNames =>
            (Step == StepForm.None ? Enumerable.Empty<string>() : Step == StepForm.Schedule ? new[] { "step", "schedule", "ratio" } : new[] { "step" })
                .Concat(Parameters.Select(p => p.Name));
    }

    /// <summary>
    /// The table of built-in first-order methods for experiments on a <c>problem</c> (docs/optimization.md): the only
    /// place in the compiler that knows their names. A test checks by reflection that each runtime struct exists,
    /// implements IFirstOrderMethod, and has a public constructor taking the step (as the table says) and these
    /// parameters in order.
    /// </summary>
    public static class OptimizationAlgorithms
    {
        /// <summary>The namespace of the runtime structs.</summary>
        public const string RuntimeNamespace = "RlSpec.Runtime.Optimization.Methods";

        /// <summary>The namespace of <c>StepSchedule</c>.</summary>
        public const string ScheduleNamespace = "RlSpec.Runtime.Optimization.Schedules";

        /// <summary>The step-size schedules: the .rlspec word and the StepSchedule factory.</summary>
        public static readonly IReadOnlyList<(string Word, string Factory)> Schedules = new[]
        {
            ("constant", "Constant"), ("inverse_sqrt", "InverseSqrt"), ("linear", "Linear"), ("cosine", "Cosine"), ("geometric", "Geometric"),
        };

        private const AlgorithmParameterType Real = AlgorithmParameterType.Real, Int = AlgorithmParameterType.Int;
        private const ProblemNeeds Min = ProblemNeeds.Minimization, Smooth = ProblemNeeds.Smooth;

        private static AlgorithmParameter P(string name, AlgorithmParameterType type, double @default, string meaning, ParameterRange range) =>
            new AlgorithmParameter(name, type, @default, meaning, range);

        /// <summary>Every built-in method, in the order messages list them.</summary>
        public static readonly IReadOnlyList<OptimizationMethod> All = new[]
        {
            new OptimizationMethod("gd", "GradientDescent", Min | Smooth, StepForm.Schedule, 0.1, "gradient descent x ← x − η_k ∇f(x) (Cauchy 1847)"),
            new OptimizationMethod("projected_gd", "ProjectedGradient", Min | Smooth, StepForm.Schedule, 0.1, "projected gradient descent onto the variables' domains (Goldstein 1964)"),
            new OptimizationMethod("nesterov", "Nesterov", Min | Smooth, StepForm.Plain, 0.1, "Nesterov's accelerated gradient (Nesterov 1983)",
                parameters: P("strong_convexity", Real, 0, "the strong-convexity modulus μ (0: the (k−1)/(k+2) momentum)", ParameterRange.NonNegative)),
            new OptimizationMethod("heavy_ball", "HeavyBall", Min | Smooth, StepForm.Schedule, 0.1, "Polyak's heavy-ball momentum (Polyak 1964)",
                parameters: P("momentum", Real, 0.9, "the momentum β", ParameterRange.UnitInterval)),
            new OptimizationMethod("adagrad", "AdaGrad", Min | Smooth, StepForm.Schedule, 0.1, "AdaGrad, diagonal (Duchi, Hazan and Singer 2011)",
                parameters: P("epsilon", Real, 1e-8, "the denominator's guard", ParameterRange.Positive)),
            new OptimizationMethod("adam", "Adam", Min | Smooth, StepForm.Schedule, 0.001, "Adam (Kingma and Ba 2015)",
                parameters: new[]
                {
                    P("beta1", Real, 0.9, "the first moment's decay", ParameterRange.UnitInterval),
                    P("beta2", Real, 0.999, "the second moment's decay", ParameterRange.UnitInterval),
                    P("epsilon", Real, 1e-8, "the denominator's guard", ParameterRange.Positive),
                }),
            new OptimizationMethod("sgd", "StochasticGradient", Min | ProblemNeeds.FiniteSum | Smooth, StepForm.Schedule, 0.1, "stochastic gradient with minibatches of the finite sum's terms (Robbins and Monro 1951)",
                parameters: P("batch", Int, 1, "the terms sampled per step", ParameterRange.Positive)),
            new OptimizationMethod("subgradient", "SubgradientMethod", Min, StepForm.Schedule, 0.1, "the sub-gradient method (Shor 1962), optionally with normalized steps",
                parameters: P("normalized", Int, 0, "1 divides the step by the sub-gradient's norm", ParameterRange.UnitInterval)),
            new OptimizationMethod("mirror_descent", "MirrorDescent", Min | ProblemNeeds.Simplex, StepForm.Schedule, 0.1, "entropic mirror descent on the simplex (Nemirovski and Yudin 1983; Beck and Teboulle 2003)"),
            new OptimizationMethod("proximal_gradient", "ProximalGradient", Min | ProblemNeeds.L1, StepForm.Plain, 0.1, "proximal gradient (ISTA; FISTA with accelerated = 1) for regularize l1 (Beck and Teboulle 2009)",
                parameters: P("accelerated", Int, 0, "1 for FISTA's momentum", ParameterRange.UnitInterval)),
            new OptimizationMethod("frank_wolfe", "FrankWolfe", Min | Smooth, StepForm.None, 0, "Frank-Wolfe with γ_k = 2/(k+1) (Frank and Wolfe 1956; Jaggi 2013)"),
            new OptimizationMethod("gda", "SaddlePointMethods", ProblemNeeds.Saddle, StepForm.Schedule, 0.05, "simultaneous gradient descent-ascent", "GradientDescentAscent"),
            new OptimizationMethod("extragradient", "SaddlePointMethods", ProblemNeeds.Saddle, StepForm.Schedule, 0.05, "extragradient (Korpelevich 1976)", "Extragradient"),
            new OptimizationMethod("optimistic_gda", "SaddlePointMethods", ProblemNeeds.Saddle, StepForm.Schedule, 0.05, "optimistic GDA (Popov 1980; Daskalakis et al. 2018)", "OptimisticGradientDescentAscent"),
            new OptimizationMethod("mirror_prox", "SaddlePointMethods", ProblemNeeds.Saddle | ProblemNeeds.Simplex, StepForm.Schedule, 0.05, "mirror prox, extragradient in the entropic geometry (Nemirovski 2004)", "Extragradient", entropic: true),
            new OptimizationMethod("ogd", "ProjectedGradient", ProblemNeeds.Online, StepForm.Schedule, 0.1, "online gradient descent, projected (Zinkevich 2003); use schedule = inverse_sqrt"),
            new OptimizationMethod("omd", "MirrorDescent", ProblemNeeds.Online | ProblemNeeds.Simplex, StepForm.Schedule, 0.1, "online mirror descent, entropic (Shalev-Shwartz 2012)"),
            new OptimizationMethod("optimistic_omd", "SaddlePointMethods", ProblemNeeds.Online, StepForm.Schedule, 0.1, "optimistic online mirror descent (Rakhlin and Sridharan 2013)", "OptimisticGradientDescentAscent"),
        };

        private static readonly Dictionary<string, OptimizationMethod> ByName = All.ToDictionary(a => a.Name);

        public static bool TryGet(string name, out OptimizationMethod method) => ByName.TryGetValue(name, out method!);

        /// <summary>The names, in table order, for messages.</summary>
        public static IEnumerable<string> Names => All.Select(a => a.Name);
    }
}
