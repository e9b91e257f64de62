using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>
/// The regularized least-squares state shared by LinUCB, OFUL and linear Thompson sampling:
/// V = λI + Σ x xᵀ kept as its inverse W = V⁻¹ (Sherman-Morrison rank-one updates, O(d²) per step),
/// b = Σ r x, θ̂ = W b, ln(det V / det λI) (the matrix determinant lemma: + ln(1 + xᵀ W x) per update),
/// and every arm's width ‖x_a‖²_W = x_aᵀ W x_a, itself updated in O(d) per arm by
/// x_aᵀ W' x_a = x_aᵀ W x_a − (x_aᵀ W x)² / (1 + xᵀ W x) and recomputed exactly every
/// <see cref="RefreshEvery"/> updates so that rounding cannot pile up. Arrays are allocated in
/// <see cref="Reset"/> only.
/// </summary>
internal struct RidgeRegression
{
    /// <summary>How many rank-one updates between exact recomputations of the arm widths.</summary>
    public const int RefreshEvery = 64;

    public double[] Inverse, Response, Theta, Scratch, Features, Width;
    public int Dimension, Arms;
    public double LogDetRatio;
    private int _sinceRefresh;

    /// <summary>Copies the arm features of a linear setup and sets V = λI.</summary>
    public void Reset(BanditSetup setup, double lambda, string algorithm)
    {
        int d = setup.Dimension, k = setup.ArmCount;
        if (d <= 0 || setup.Features.Length < k * d)
            throw new ArgumentException($"{algorithm} needs a linear bandit: arm features of dimension d ≥ 1", nameof(setup));
        Dimension = d;
        Arms = k;
        Features = setup.Features[..(k * d)].ToArray();
        Inverse = new double[d * d];
        SymmetricMatrix.SetScaledIdentity(Inverse, d, 1 / lambda);
        Response = new double[d];
        Theta = new double[d];
        Scratch = new double[d];
        Width = new double[k];
        LogDetRatio = 0;
        _sinceRefresh = 0;
        RefreshWidths();
    }

    /// <summary>The feature vector of an arm.</summary>
    public readonly ReadOnlySpan<double> Feature(int arm) => Features.AsSpan(arm * Dimension, Dimension);

    /// <summary>Adds the observation (x_arm, reward).</summary>
    public void Update(int arm, double reward)
    {
        int d = Dimension;
        ReadOnlySpan<double> x = Feature(arm);
        double quadratic = SymmetricMatrix.ShermanMorrisonUpdate(Inverse, x, Scratch, d); // Scratch = W_old x
        LogDetRatio += Math.Log(1 + quadratic);
        for (int j = 0; j < d; j++) Response[j] += reward * x[j];
        SymmetricMatrix.Multiply(Inverse, Response, Theta, d);
        if (++_sinceRefresh >= RefreshEvery)
        {
            RefreshWidths();
            return;
        }
        double scale = 1 / (1 + quadratic);
        double[] features = Features, width = Width, w = Scratch;
        for (int a = 0; a < width.Length; a++)
        {
            ReadOnlySpan<double> xa = features.AsSpan(a * d, d);
            double s = 0;
            for (int j = 0; j < xa.Length; j++) s += xa[j] * w[j];
            width[a] = Math.Max(0, width[a] - s * s * scale);
        }
    }

    /// <summary>x_aᵀ W x_a for every arm, exactly.</summary>
    public void RefreshWidths()
    {
        for (int a = 0; a < Arms; a++) Width[a] = SymmetricMatrix.QuadraticForm(Inverse, Feature(a), Dimension);
        _sinceRefresh = 0;
    }
}
