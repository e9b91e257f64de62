using System.Collections.Generic;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Bandit.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Bandit.Emit
{
    /// <summary>
    /// The fields of an emitted bandit struct and their names: '_' + the model's name for parameters and
    /// lets (model names cannot start with '_'), and every name from one <see cref="NameTable"/>, so the
    /// struct's own fields (taken first) never clash with them.
    /// </summary>
    internal sealed class BanditFields : IFieldNames
    {
        private readonly NameTable _names = new NameTable();
        private readonly Dictionary<ParamSymbol, string> _params = new Dictionary<ParamSymbol, string>();
        private readonly Dictionary<LetSymbol, string> _lets = new Dictionary<LetSymbol, string>();

        /// <summary>Fields every bandit has: they take their names before any name from the model.</summary>
        private static readonly string[] FixedNames = { "instanceSeed", "armCount", "means", "rewardLow", "rewardHigh" };

        public BanditFields(BanditIr model)
        {
            foreach (var f in FixedNames) _names.Fresh("_" + f);
            foreach (var p in model.Params) _params[p] = _names.Fresh("_" + p.Name);
            foreach (var l in model.Lets) _lets[l] = _names.Fresh("_" + l.Name);
        }

        public string Param(ParamSymbol p) => _params[p];

        public string Let(LetSymbol l) => _lets[l];

        /// <summary>Bandits precompute no finite distributions: arm draws use the exact samplers.</summary>
        public string Distribution(BoundDistribution d) => throw new System.InvalidOperationException("bandits have no precomputed distributions");

        /// <summary>The name of one of the fields every bandit has.</summary>
        public string Fixed(string name) => System.Array.IndexOf(FixedNames, name) >= 0 ? "_" + name : throw new System.ArgumentException("not a fixed field: " + name);

        /// <summary>A fresh field name for the setting's own fields (per-arm parameters, features).</summary>
        public string Internal(string preferred) => _names.Fresh("_" + preferred);
    }
}
