using System;
using System.Globalization;

namespace RlSpec.Runtime.Mdp;

/// <summary>
/// Reads a state label such as <c>(x=2, up=true, weather=sunny)</c> one variable at a time without
/// allocating, for the emitted models' <see cref="IMdp.TryParseState"/>: looking up one state must not
/// build every state's label. Variables come in declaration order, as <see cref="IMdp.StateLabel"/>
/// writes them; spaces around names, values, commas and parentheses are ignored.
/// </summary>
public ref struct StateLabelReader
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private bool _opened;

    public StateLabelReader(string? label)
    {
        _text = label.AsSpan();
        _position = 0;
        _opened = false;
    }

    /// <summary>Reads <c>name=integer</c>.</summary>
    public bool TryRead(string name, out int value)
    {
        value = 0;
        return TryReadName(name) && int.TryParse(ReadValue(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads <c>name=true</c> or <c>name=false</c>.</summary>
    public bool TryRead(string name, out bool value)
    {
        value = false;
        if (!TryReadName(name)) return false;
        var text = ReadValue();
        if (text.SequenceEqual("true")) { value = true; return true; }
        return text.SequenceEqual("false");
    }

    /// <summary>Reads <c>name=member</c> of an enumeration whose members are <paramref name="members"/>; the value is the member's ordinal.</summary>
    public bool TryRead(string name, string[] members, out int value)
    {
        value = 0;
        if (!TryReadName(name)) return false;
        var text = ReadValue();
        for (int k = 0; k < members.Length; k++)
        {
            if (!text.SequenceEqual(members[k])) continue;
            value = k;
            return true;
        }
        return false;
    }

    /// <summary>True when the label ends here: a closing parenthesis and nothing after it.</summary>
    public bool End()
    {
        if (!_opened && !Expect('(')) return false;
        if (!Expect(')')) return false;
        SkipSpaces();
        return _position == _text.Length;
    }

    /// <summary>The opening parenthesis or the comma before a variable, its name and the equals sign.</summary>
    private bool TryReadName(string name)
    {
        if (!Expect(_opened ? ',' : '(')) return false;
        _opened = true;
        SkipSpaces();
        if (!_text.Slice(_position).StartsWith(name, StringComparison.Ordinal)) return false;
        _position += name.Length;
        return Expect('=');
    }

    /// <summary>The value's text: up to the next comma, closing parenthesis or space.</summary>
    private ReadOnlySpan<char> ReadValue()
    {
        SkipSpaces();
        int start = _position;
        while (_position < _text.Length && _text[_position] != ',' && _text[_position] != ')' && !char.IsWhiteSpace(_text[_position])) _position++;
        return _text.Slice(start, _position - start);
    }

    private bool Expect(char c)
    {
        SkipSpaces();
        if (_position >= _text.Length || _text[_position] != c) return false;
        _position++;
        return true;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }
}
