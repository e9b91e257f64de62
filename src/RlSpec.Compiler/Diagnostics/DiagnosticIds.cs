namespace RlSpec.Compiler.Diagnostics
{
    /// <summary>
    /// Every diagnostic id the compiler reports. Ranges: RLS00xx syntax, RLS01xx names and types,
    /// RLS02xx model structure and constant checks, RLS03xx checks made by enumerating the model
    /// (runtime validator), RLS04xx command line, RLS060x bandits, RLS065x experiments, RLS99xx internal errors. docs/diagnostics.md lists them.
    /// </summary>
    public static class DiagnosticIds
    {
        // Syntax
        public const string SyntaxError = "RLS0001";
        public const string UnknownCharacter = "RLS0002";
        public const string InvalidNumber = "RLS0003";
        public const string NestingTooDeep = "RLS0004";

        // Names and types
        public const string UnknownModelKind = "RLS0100";
        public const string UnknownName = "RLS0101";
        public const string DuplicateDeclaration = "RLS0102";
        public const string TypeMismatch = "RLS0103";
        public const string UnknownFunction = "RLS0104";
        public const string WrongArgumentCount = "RLS0105";
        public const string NotAStateVariable = "RLS0106";
        public const string PrimedOutsideReward = "RLS0107";
        public const string AssignedTwice = "RLS0108";
        public const string UnknownAction = "RLS0109";
        public const string ActionIndexMismatch = "RLS0110";
        public const string RandomNotAllowed = "RLS0111";
        public const string NotConstant = "RLS0112";
        public const string StepWithoutHorizon = "RLS0113";
        public const string ParamTypeMismatch = "RLS0114";
        public const string DistributionExpected = "RLS0115";
        public const string DistributionNotAllowed = "RLS0116";
        public const string ListNotAllowed = "RLS0117";
        public const string ReservedName = "RLS0118";
        public const string NamedArgument = "RLS0119";
        public const string MemberNotAllowed = "RLS0120";
        public const string UnknownTarget = "RLS0121";
        public const string TargetMismatch = "RLS0122";
        public const string UnknownModifier = "RLS0123";
        public const string LetIndexOutOfScope = "RLS0124";
        public const string StringNotAllowed = "RLS0125";

        // Model structure and constant checks
        public const string MissingCriterion = "RLS0200";
        public const string ConflictingCriteria = "RLS0201";
        public const string NoStateVariables = "RLS0202";
        public const string NoActions = "RLS0203";
        public const string DiscountOutOfRange = "RLS0204";
        public const string HorizonNotPositive = "RLS0205";
        public const string EmptyRange = "RLS0206";
        public const string StateSpaceTooLarge = "RLS0207";
        public const string ProbabilitiesDoNotSumToOne = "RLS0208";
        public const string NegativeProbability = "RLS0209";
        public const string MissingProbability = "RLS0210";
        public const string TableShape = "RLS0211";
        public const string TableRowSum = "RLS0212";
        public const string RulesAndTable = "RLS0213";
        public const string UnreachableRule = "RLS0214";
        public const string ActionWithoutRule = "RLS0215";
        public const string InitProbabilities = "RLS0216";
        public const string DuplicateCriterion = "RLS0217";
        public const string IndexOutOfRange = "RLS0218";
        public const string EmptySupport = "RLS0219";
        public const string InvalidDistributionParameter = "RLS0220";
        public const string ValueOutOfDomain = "RLS0221";
        public const string DivisionByZero = "RLS0222";
        public const string MultipleDefaults = "RLS0223";
        public const string SupportTooLarge = "RLS0224";
        public const string EmptyModel = "RLS0225";
        public const string DuplicateModel = "RLS0226";
        public const string IntegerOverflow = "RLS0227";

        // Command line
        public const string UnknownParameterOverride = "RLS0400";
        public const string OverrideTypeMismatch = "RLS0401";
        public const string MalformedOverride = "RLS0402";
        public const string ModelNotFound = "RLS0403";
        public const string FileNotFound = "RLS0404";
        public const string MethodNotApplicable = "RLS0405";

        // Bandits
        public const string ArmParameterOutOfRange = "RLS0600";
        public const string NoArms = "RLS0601";
        public const string TooManyArms = "RLS0602";
        public const string ArmsDoNotFitSetting = "RLS0603";
        public const string LinearRewardMissing = "RLS0604";
        public const string VectorLengthMismatch = "RLS0605";
        public const string AdversarialRewardOutOfRange = "RLS0606";
        public const string UnknownArmDistribution = "RLS0607";
        public const string RewardFunctionShape = "RLS0608";
        public const string DuplicateBanditMember = "RLS0609";
        public const string RandomInstanceNotAllowed = "RLS0610";
        public const string AdversarialRewardMissing = "RLS0611";

        // Experiments (the `experiment` kind)
        public const string ExperimentTargetNotSupported = "RLS0650";
        public const string DuplicateSetting = "RLS0651";
        public const string MissingSetting = "RLS0652";
        public const string ExperimentHorizonOutOfRange = "RLS0653";
        public const string RunsOutOfRange = "RLS0654";
        public const string SeedOutOfRange = "RLS0655";
        public const string SettingShape = "RLS0656";
        public const string UnknownAlgorithm = "RLS0657";
        public const string UnknownAlgorithmParameter = "RLS0658";
        public const string AlgorithmParameterType = "RLS0659";
        public const string AlgorithmDoesNotFit = "RLS0660";
        public const string BestArmWithoutError = "RLS0661";
        public const string UnknownStatistic = "RLS0662";
        public const string CheckpointsOutOfRange = "RLS0663";
        public const string PlotNotRecorded = "RLS0664";
        public const string UnknownInstanceMode = "RLS0665";
        public const string InvalidSweep = "RLS0666";
        public const string DuplicateLabel = "RLS0667";
        // Learning on MDPs (experiments on an mdp), RLS0680-RLS0689.
        public const string EpisodeHorizonMissing = "RLS0680";
        public const string LearningNeedsInitialState = "RLS0681";
        public const string MixedAlgorithmFamilies = "RLS0682";
        public const string AlgorithmParameterOutOfRange = "RLS0683";
        public const string LearningOnTimeDependentModel = "RLS0684";
        public const string EpisodicOnAverageReward = "RLS0685";
        public const string ContinuingOnNonAverage = "RLS0686";
        public const string ContinuingStepsInvalid = "RLS0687";
        public const string ContinuingEpisodeSetting = "RLS0688";
        public const string StepsOutsideContinuing = "RLS0689";

        // Optimization problems (the `problem` kind), RLS0900–0949
        public const string ProblemShapeMismatch = "RLS0900";
        public const string ProblemUndefinedIndex = "RLS0901";
        public const string ProblemNonsmooth = "RLS0902";
        public const string ProblemDomainMisuse = "RLS0903";
        public const string ProblemNonFiniteData = "RLS0904";
        public const string ProblemGeneratorArguments = "RLS0905";
        public const string ProblemUnusedVariable = "RLS0906";
        public const string ProblemUnsupported = "RLS0907";
        public const string ProblemObjective = "RLS0908";
        public const string ProblemVariable = "RLS0909";
        public const string ProblemSaddle = "RLS0910";
        public const string ProblemNotConstant = "RLS0911";
        public const string ProblemUnknownName = "RLS0912";
        public const string ProblemDuplicateName = "RLS0913";
        public const string ProblemOptimumShape = "RLS0914";
        public const string ProblemOptimumDeclaration = "RLS0915";
        public const string ProblemGapRadius = "RLS0916";
        public const string ExperimentNeedsOptimum = "RLS0917";
        public const string ExperimentNeedsGapRadius = "RLS0918";
        // Transport problems (`transport cost = C, source = a, target = b, epsilon = ε`), RLS0919–0929
        public const string TransportDeclaration = "RLS0919";
        public const string TransportCostShape = "RLS0920";
        public const string TransportMarginalShape = "RLS0921";
        public const string TransportMarginalValues = "RLS0922";
        public const string TransportEpsilon = "RLS0923";
        public const string TransportNonFiniteCost = "RLS0924";
        public const string ExperimentOnTransport = "RLS0925";
        // CSV data in problems (`let A = csv("data/a.csv")`), RLS0930–0939
        public const string CsvFileMissing = "RLS0930";
        public const string CsvUnparsable = "RLS0931";
        public const string CsvRagged = "RLS0932";
        public const string CsvEmpty = "RLS0933";
        public const string CsvNotFinite = "RLS0934";
        public const string CsvShapeMismatch = "RLS0935";
        public const string CsvTooLarge = "RLS0936";
        public const string CsvCall = "RLS0937";

        // Experiments on a problem (first-order methods), RLS0950–0979
        public const string MethodDoesNotFitProblem = "RLS0950";
        public const string MirrorDescentOffSimplex = "RLS0951";
        public const string MethodStepNotPositive = "RLS0952";
        public const string MethodParameter = "RLS0953";
        public const string ProblemExperimentSetting = "RLS0954";

        // Games (the `game` kind), RLS0800-RLS0849.
        public const string GamePayoffShape = "RLS0800";
        public const string GameRaggedRows = "RLS0801";
        public const string GameNonFinite = "RLS0802";
        public const string GameZeroSumMismatch = "RLS0803";
        public const string GameJointActionNotCovered = "RLS0804";
        public const string GamePreferenceNotComplementary = "RLS0805";
        public const string GamePreferenceNotProbability = "RLS0806";
        public const string GameTemperatureNotPositive = "RLS0807";
        public const string GameRandomParameters = "RLS0808";
        public const string GameSeedOutOfRange = "RLS0809";
        public const string GamePlayerCount = "RLS0810";
        public const string GameMissingPayoff = "RLS0811";
        public const string GameSettingShape = "RLS0812";
        public const string GameUnknownPlayer = "RLS0813";
        public const string GameDuplicateAction = "RLS0814";
        public const string GameModifierConflict = "RLS0815";
        public const string GameActionCount = "RLS0816";
        public const string GameTooLarge = "RLS0817";
        public const string GameUnknownFacility = "RLS0818";
        public const string GameSymmetricActions = "RLS0819";
        public const string MarkovProbabilitySum = "RLS0820";
        public const string MarkovDiscountRange = "RLS0821";
        public const string MarkovSuccessorOutOfRange = "RLS0822";
        public const string MarkovNoRule = "RLS0823";
        public const string MarkovProbabilityRange = "RLS0824";
        public const string MarkovStateRange = "RLS0825";
        public const string MarkovInitialDistribution = "RLS0826";

        // Experiments on a game (learning dynamics)
        public const string GameDynamicDoesNotFit = "RLS0850";
        public const string GameExperimentLength = "RLS0851";
        public const string GameStatisticUnavailable = "RLS0852";
        public const string GameDynamicNotMeasured = "RLS0853";
        public const string MarkovDynamicNeedsDiscount = "RLS0854";
        public const string EntropyOmwuStepTooLarge = "RLS0855";

        // Internal
        public const string InternalError = "RLS9999";
    }
}
