using System;

namespace RlSpec.Runtime.Mdp;

/// <summary>
/// Reads the parts of a state label of the form <c>(x=2, y=1)</c> — the form the compiler emits —
/// for the default <see cref="IMdp.StateVariableCount"/> and <see cref="IMdp.StateVariableValue"/>
/// of models that do not provide them. A label of another form has no variables.
/// </summary>
public static class StateLabelParts
{
    /// <summary>How many <c>name=value</c> parts the label has (0 if it is not of that form).</summary>
    public static int Count(string label)
    {
        var body = Body(label);
        if (body.IsEmpty) return 0;
        int count = 0;
        foreach (var part in new PartEnumerator(body))
        {
            if (part.IndexOf('=') <= 0) return 0;
            count++;
        }
        return count;
    }

    /// <summary>The text after <c>=</c> in part <paramref name="variable"/>, or null if there is no such part.</summary>
    public static string? Value(string label, int variable)
    {
        int k = 0;
        foreach (var part in new PartEnumerator(Body(label)))
        {
            if (k++ != variable) continue;
            int eq = part.IndexOf('=');
            return eq <= 0 ? null : part[(eq + 1)..].Trim().ToString();
        }
        return null;
    }

    private static ReadOnlySpan<char> Body(string label)
    {
        var s = label.AsSpan().Trim();
        return s.Length >= 2 && s[0] == '(' && s[^1] == ')' ? s[1..^1] : ReadOnlySpan<char>.Empty;
    }

    /// <summary>Splits on ", " without allocating the parts.</summary>
    private ref struct PartEnumerator(ReadOnlySpan<char> rest)
    {
        private ReadOnlySpan<char> _rest = rest;
        private bool _done = rest.IsEmpty;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly PartEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_done) return false;
            int comma = _rest.IndexOf(',');
            if (comma < 0)
            {
                Current = _rest.Trim();
                _done = true;
            }
            else
            {
                Current = _rest[..comma].Trim();
                _rest = _rest[(comma + 1)..];
            }
            return true;
        }
    }
}
