namespace RlSpec.Cli.Output;

/// <summary>
/// Splits an action name as the model prints it into the action (or family) name and the family's
/// index: <c>order(3)</c> is (<c>order</c>, <c>3</c>), <c>left</c> is (<c>left</c>, empty), and the
/// marker <c>-</c> of a state without an action is (empty, empty).
/// </summary>
internal static class ActionParts
{
    public static (string Name, string Index) Split(string action)
    {
        if (action == "-") return ("", "");
        int open = action.IndexOf('(');
        if (open > 0 && action.EndsWith(')'))
            return (action.Substring(0, open), action.Substring(open + 1, action.Length - open - 2));
        return (action, "");
    }
}
