using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Output;

/// <summary>
/// <c>solve --format dot</c>: the Markov chain of the optimal policy as a Graphviz digraph — one node
/// per state (label, optimal action, value), one edge per successor with its probability. Finite
/// horizons draw the policy and transitions of step t = 0. Only for small models: a picture of more
/// than <see cref="MaxStates"/> states is unreadable, so larger ones are refused.
/// </summary>
internal static class PolicyDot
{
    /// <summary>The largest model drawn.</summary>
    public const int MaxStates = 200;

    public static void Write(TextWriter w, MdpSolution s, IMdpHost host)
    {
        var edges = Edges(host, s.Policy);
        w.WriteLine($"digraph {Quote(s.ModelName)} {{");
        w.WriteLine("  // The optimal policy's Markov chain" + (s.PolicyByStep is null ? "" : " at step t = 0") + ": nodes are states (action, value), edges successors (probability).");
        w.WriteLine("  rankdir=LR;");
        w.WriteLine("  node [shape=box, fontname=\"Helvetica\"];");
        for (int state = 0; state < s.Values.Length; state++)
        {
            var value = s.Values[state].ToString("G6", CultureInfo.InvariantCulture);
            bool terminal = s.Policy[state] < 0;
            w.WriteLine($"  s{state} [label=\"{Escape(s.StateLabel(state))}\\n{Escape(s.ActionName(s.Policy[state]))}\\nV = {value}\"{(terminal ? ", style=rounded" : "")}];");
        }
        foreach (var (from, to, probability) in edges)
            w.WriteLine($"  s{from} -> s{to} [label=\"{probability.ToString("G4", CultureInfo.InvariantCulture)}\"];");
        w.WriteLine("}");
    }

    /// <summary>The policy's edges with the probabilities of equal successors added up, in state order.</summary>
    private static List<(int From, int To, double Probability)> Edges(IMdpHost host, int[] policy)
    {
        var type = host.GetType();
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(MdpHost<>))
            throw new InvalidOperationException($"cannot read the transitions of a {type.Name}");
        var model = type.GetProperty(nameof(MdpHost<SparseMdp>.Model))!.GetValue(host)!;
        var collect = typeof(PolicyDot).GetMethod(nameof(Collect), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type.GetGenericArguments()[0]);
        return (List<(int, int, double)>)collect.Invoke(null, new[] { model, policy })!;
    }

    private static List<(int From, int To, double Probability)> Collect<TModel>(TModel model, int[] policy) where TModel : struct, IMdp
    {
        var result = new List<(int, int, double)>();
        var successors = new SortedDictionary<int, double>();
        for (int state = 0; state < policy.Length; state++)
        {
            if (policy[state] < 0 || model.IsTerminal(state)) continue;
            successors.Clear();
            var visitor = new Successors(successors);
            model.Transitions(state, policy[state], 0, ref visitor);
            foreach (var (to, p) in successors) result.Add((state, to, p));
        }
        return result;
    }

    private readonly struct Successors(SortedDictionary<int, double> into) : ITransitionVisitor
    {
        public static bool Validating => false;

        public void Outcome(int next, double probability, double reward)
        {
            if (probability <= 0) return;
            into[next] = into.TryGetValue(next, out var p) ? p + probability : probability;
        }

        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }

    private static string Quote(string name) => "\"" + Escape(name) + "\"";

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
