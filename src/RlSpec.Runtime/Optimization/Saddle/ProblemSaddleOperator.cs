using System;
using RlSpec.Runtime.Dynamics;

namespace RlSpec.Runtime.Optimization.Saddle;

/// <summary>
/// A compiled problem as the shared saddle-point methods' operator (<see cref="ISaddleOperator"/>, G2's
/// src/RlSpec.Runtime/Dynamics): x = the min player's variables, y = the max player's (<see cref="VariableBlock.Maximized"/>),
/// (∇x f, ∇y f) from the problem's one gradient call. A problem without maximized variables gets a one-coordinate
/// dummy max player whose gradient is 0, so the same methods run one-player (online) problems: optimistic GDA
/// is then optimistic OMD. For an online problem <see cref="Round"/> is the loss's round; round 0 means no loss yet
/// and gives a zero gradient (an optimistic method's first hint).
/// </summary>
public struct ProblemSaddleOperator<TProblem> : ISaddleOperator where TProblem : struct, IOptimizationProblem
{
    private TProblem _problem;
    private readonly PlayerLayout _x, _y;
    private readonly double[] _flat, _gradient;
    private readonly bool _online;

    /// <summary>The operator of <paramref name="problem"/>.</summary>
    public ProblemSaddleOperator(TProblem problem)
    {
        _problem = problem;
        _x = new PlayerLayout(problem.Variables, maximized: false);
        _y = new PlayerLayout(problem.Variables, maximized: true);
        if (_x.Dimension == 0) throw new ArgumentException("the problem has no minimized variable");
        _flat = new double[problem.Dimension];
        _gradient = new double[problem.Dimension];
        _online = problem.IsOnline;
        Round = 0;
        LastObjective = double.NaN;
    }

    /// <summary>The min player's layout.</summary>
    public readonly PlayerLayout MinPlayer => _x;

    /// <summary>The max player's layout (dimension 0: the dummy player).</summary>
    public readonly PlayerLayout MaxPlayer => _y;

    /// <summary>The round passed to the problem (online problems: 1-based; 0 = before the first loss).</summary>
    public long Round { get; set; }

    /// <summary>The objective at the last point the operator was evaluated at.</summary>
    public double LastObjective { get; private set; }

    /// <inheritdoc/>
    public readonly int XDimension => _x.Dimension;

    /// <inheritdoc/>
    public readonly int YDimension => Math.Max(1, _y.Dimension);

    /// <inheritdoc/>
    public void Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradientX, Span<double> gradientY)
    {
        if (_online && Round == 0)
        {
            gradientX.Clear();
            gradientY.Clear();
            return;
        }
        _x.Scatter(x, _flat);
        if (_y.Dimension > 0) _y.Scatter(y, _flat);
        LastObjective = _problem.Gradient(_flat, _gradient, Round);
        _x.Gather(_gradient, gradientX);
        if (_y.Dimension > 0) _y.Gather(_gradient, gradientY);
        else gradientY.Clear();
    }
}
