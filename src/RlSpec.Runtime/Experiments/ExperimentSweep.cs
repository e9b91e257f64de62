using System.Collections.Generic;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// A parameter sweep (<c>sweep K = [5, 10, 20]</c>): the experiment runs once per value, and the engine
/// passes the value's index to the instance factory and to <see cref="AlgorithmEntry{TAlgorithm}"/>
/// factories that take one. Values are kept as the text the user wrote, for the outputs.
/// </summary>
/// <param name="Parameter">The swept model or algorithm parameter's name.</param>
/// <param name="Values">The values, as text, in the declared order.</param>
public sealed record ExperimentSweep(string Parameter, IReadOnlyList<string> Values);

/// <summary>A parameter of the model or an algorithm and its value, as text (for the JSON summary).</summary>
public sealed record ParameterValue(string Name, string Value);
