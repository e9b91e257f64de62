using System;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// An experiment the engine refuses or cannot finish (too much recorded data, an invalid spec, an algorithm
/// that picks no arm, shards that do not merge); <see cref="Id"/> is one of <see cref="ExperimentErrorIds"/>
/// and the message is meant for the user.
/// </summary>
public sealed class ExperimentException : Exception
{
    /// <summary>A failure with its diagnostic id.</summary>
    public ExperimentException(string id, string message) : base(message) => Id = id;

    /// <summary>The diagnostic id (RLS07xx), documented in docs/diagnostics.md.</summary>
    public string Id { get; }
}

/// <summary>Ids of <see cref="ExperimentException"/> (RLS0700–RLS0719); docs/diagnostics.md explains each.</summary>
public static class ExperimentErrorIds
{
    /// <summary>The recorded values would take more memory than allowed.</summary>
    public const string InsufficientMemory = "RLS0700";
    /// <summary>The spec or the options are invalid (horizon or runs not positive, no algorithms, a run index or shard out of range, ...).</summary>
    public const string InvalidRequest = "RLS0701";
    /// <summary>An algorithm selected an arm outside 0..K−1.</summary>
    public const string InvalidArm = "RLS0702";
    /// <summary>The bandit is unusable: no arms, or per-run instances with different arm counts.</summary>
    public const string InvalidBandit = "RLS0703";
    /// <summary>The MDP cannot be played in episodes: it reads the step t, has no initial state, no enabled action in a reachable state, or too many state-action pairs.</summary>
    public const string InvalidMdp = "RLS0706";
    /// <summary>An episodic algorithm played an unavailable action, or its reported policy is not a probability distribution over the available actions.</summary>
    public const string InvalidPolicy = "RLS0707";
    /// <summary>Merge: a shard is partial (interrupted) and partial shards were not allowed.</summary>
    public const string PartialShard = "RLS0710";
    /// <summary>Merge: a shard of the layout is missing.</summary>
    public const string MissingShard = "RLS0711";
    /// <summary>Merge: the same shard (or the same run) is given twice.</summary>
    public const string DuplicateShard = "RLS0712";
    /// <summary>Merge: the shards belong to different experiments (name, model, seed, runs, horizon, algorithms, ...).</summary>
    public const string ShardMismatch = "RLS0713";
    /// <summary>Merge: a file is not a readable shard file, or no shard files were found.</summary>
    public const string UnreadableShard = "RLS0714";
}
