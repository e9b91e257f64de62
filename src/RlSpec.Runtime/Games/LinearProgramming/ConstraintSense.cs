namespace RlSpec.Runtime.Games.LinearProgramming;

/// <summary>The relation of one linear constraint aᵢ·x to its right-hand side bᵢ.</summary>
public enum ConstraintSense
{
    /// <summary>aᵢ·x ≤ bᵢ.</summary>
    LessOrEqual,
    /// <summary>aᵢ·x = bᵢ.</summary>
    Equal,
    /// <summary>aᵢ·x ≥ bᵢ.</summary>
    GreaterOrEqual,
}
