using System.Collections.Generic;
using RlSpec.Compiler.Kinds.Game.Binding;

namespace RlSpec.Compiler.Kinds.Game.Ir
{
    /// <summary>
    /// A lowered game: plain numbers and names, evaluated with the parameters in force, that the emitter writes as the
    /// static data of the game's class. Payoff tensors are flat, row-major in player order (player 0 most significant).
    /// </summary>
    public sealed class GameIr
    {
        public GameIr(string name, string typeName, string sourcePath, GameForm form)
        {
            Name = name; TypeName = typeName; SourcePath = sourcePath; Form = form;
        }

        public string Name { get; }
        public string TypeName { get; }
        public string SourcePath { get; }
        public GameForm Form { get; }

        /// <summary>Player names (congestion with <c>players n</c>: p1..pn).</summary>
        public List<string> Players { get; } = new List<string>();

        /// <summary>Per player, its action (or congestion strategy) names.</summary>
        public List<IReadOnlyList<string>> Actions { get; } = new List<IReadOnlyList<string>>();

        /// <summary>Per player, its payoff tensor (flat joint index); empty for random, preference, congestion and Markov games.</summary>
        public List<double[]> Payoffs { get; } = new List<double[]>();

        /// <summary>The source text of each payoff, for the emitted comments.</summary>
        public List<string> PayoffSources { get; } = new List<string>();

        /// <summary>Random games: gaussian or uniform, its two parameters and the seed.</summary>
        public (string Distribution, double First, double Second, long Seed)? Random { get; set; }

        public double Temperature { get; set; }

        /// <summary>Preference games: P, row-major n×n.</summary>
        public double[]? Preference { get; set; }

        /// <summary>Congestion games: facility names, costs[f][k−1] = c_f(k), each player's strategies as facility indices.</summary>
        public List<string> Facilities { get; } = new List<string>();
        public List<double[]> FacilityCosts { get; } = new List<double[]>();
        public List<string> FacilitySources { get; } = new List<string>();
        public List<int[][]> Strategies { get; } = new List<int[][]>();

        /// <summary>Markov games: state names, per-joint payoffs (state by state, a·n + b), compressed transitions, criterion, initial distribution.</summary>
        public List<string> States { get; } = new List<string>();
        public double[] MarkovPayoffs { get; set; } = new double[0];
        public int[] TransitionStart { get; set; } = new int[0];
        public int[] NextStates { get; set; } = new int[0];
        public double[] Probabilities { get; set; } = new double[0];
        public double[] Initial { get; set; } = new double[0];
        public double Discount { get; set; }
        public int Horizon { get; set; }
        public List<string> RuleSources { get; } = new List<string>();
    }
}
