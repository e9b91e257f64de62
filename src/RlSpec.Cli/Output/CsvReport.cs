using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Output;

/// <summary>
/// <c>solve --format csv</c> and <c>--export-policy FILE.csv</c> (docs/cli.md): one row per state (per
/// step and state for finite horizons), one column per state variable, then <c>t</c> (finite horizon),
/// <c>value</c>, <c>action</c> and <c>action_index</c> (an action family's index, empty otherwise).
/// Numbers round-trip; RFC 4180 quoting.
/// </summary>
internal static class CsvReport
{
    public static void WriteSolution(TextWriter w, MdpSolution s, IMdpHost host, bool withValues = true)
    {
        int variables = host.StateVariableCount;
        bool finite = s.PolicyByStep is not null;
        var header = Enumerable.Range(0, variables).Select(host.StateVariableName).ToList();
        if (variables == 0) header.Add("state");
        if (finite) header.Add("t");
        if (withValues) header.Add("value");
        header.Add("action");
        header.Add("action_index");
        Row(w, header.ToArray());

        int steps = finite ? s.PolicyByStep!.Steps : 1;
        var cells = new string[header.Count];
        for (int t = 0; t < steps; t++)
        {
            var values = finite && s.ValuesByStep is { } byStep ? byStep[t] : s.Values;
            var policy = finite ? s.PolicyByStep!.Step(t) : s.Policy;
            for (int state = 0; state < s.Values.Length; state++)
            {
                int k = 0;
                for (int v = 0; v < variables; v++) cells[k++] = host.StateVariableValue(state, v);
                if (variables == 0) cells[k++] = s.StateLabel(state);
                if (finite) cells[k++] = t.ToString(CultureInfo.InvariantCulture);
                if (withValues) cells[k++] = Number(values[state]);
                var (name, index) = ActionParts.Split(s.ActionName(policy[state]));
                cells[k++] = name;
                cells[k++] = index;
                Row(w, cells);
            }
        }
    }

    private static string Number(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Row(TextWriter w, string[] cells)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append(',');
            var c = cells[i];
            if (c.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0) line.Append('"').Append(c.Replace("\"", "\"\"")).Append('"');
            else line.Append(c);
        }
        w.WriteLine(line.ToString());
    }
}
