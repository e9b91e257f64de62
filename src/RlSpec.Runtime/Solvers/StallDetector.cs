namespace RlSpec.Runtime.Solvers;

/// <summary>Notices when an error bound has not improved for many consecutive checks.</summary>
internal struct StallDetector
{
    private const int Patience = 200;
    private double _best;
    private int _since;

    public StallDetector()
    {
        _best = double.PositiveInfinity;
        _since = 0;
    }

    public bool Stalled(double bound)
    {
        if (bound < _best)
        {
            _best = bound;
            _since = 0;
            return false;
        }
        return ++_since >= Patience;
    }
}
