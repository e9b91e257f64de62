namespace RlSpec.Runtime.Experiments;

/// <summary>Whether a random problem instance is drawn once for the experiment or anew for every run (<c>instance fixed | per_run</c>).</summary>
public enum InstanceMode
{
    /// <summary>One instance for every run (the default): instance seed = <see cref="StreamKeys.InstanceSeed"/>(seed).</summary>
    Fixed,
    /// <summary>A new instance per run r: instance seed = <see cref="StreamKeys.InstanceSeed"/>(seed, r).</summary>
    PerRun,
}
