using System;

namespace RlSpec.Runtime.Optimization;

/// <summary>
/// A problem whose objective is a smooth part plus a separable l1 regularizer λ‖x_v‖₁ (<c>regularize l1(x, λ)</c>
/// in a <c>problem</c> declaration): what proximal gradient needs. Every emitted problem implements it; without
/// a regularizer <see cref="Regularizer"/> is 0, <see cref="Proximal"/> the identity and
/// <see cref="SmoothGradient"/> the same as <see cref="IOptimizationProblem.Gradient"/>.
/// <see cref="IOptimizationProblem.Objective"/> and <see cref="IOptimizationProblem.Gradient"/> include the regularizer
/// (with the sub-gradient λ sign(x), 0 at 0).
/// </summary>
public interface ICompositeProblem : IOptimizationProblem
{
    /// <summary>The gradient of the smooth part only; returns the smooth part's value.</summary>
    double SmoothGradient(ReadOnlySpan<double> x, Span<double> gradient, long round);

    /// <summary>The regularizer's value at x.</summary>
    double Regularizer(ReadOnlySpan<double> x);

    /// <summary>x ← prox_{step · regularizer}(x): soft thresholding at step · λ on the regularized variables.</summary>
    void Proximal(Span<double> x, double step);
}
