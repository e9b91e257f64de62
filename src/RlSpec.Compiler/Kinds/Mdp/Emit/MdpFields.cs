using System.Collections.Generic;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>
    /// The fields of an emitted model struct and their names. Model names cannot start with '_'
    /// (the binder rejects them), so fields named '_' + name never clash with model names, and
    /// every name is handed out by one <see cref="NameTable"/> so internal fields never clash either.
    /// </summary>
    internal sealed class MdpFields : IFieldNames
    {
        private readonly NameTable _names = new NameTable();
        private readonly Dictionary<ParamSymbol, string> _params = new Dictionary<ParamSymbol, string>();
        private readonly Dictionary<LetSymbol, string> _lets = new Dictionary<LetSymbol, string>();
        private readonly Dictionary<RandomSymbol, string> _randoms = new Dictionary<RandomSymbol, string>();
        private readonly Dictionary<BoundDistribution, string> _distributions = new Dictionary<BoundDistribution, string>();

        public MdpFields(MdpIr model)
        {
            foreach (var p in model.Params) _params[p] = _names.Fresh("_" + p.Name);
            foreach (var l in model.ConstantLets) _lets[l] = _names.Fresh("_" + l.Name);
            foreach (var r in model.Randoms) _randoms[r.Symbol] = _names.Fresh("_" + r.Name);
        }

        public string Param(ParamSymbol p) => _params[p];

        public string Let(LetSymbol l) => _lets[l];

        public string Random(RandomSymbol r) => _randoms[r];

        /// <summary>A field for the finite distribution of a truncated reward.</summary>
        public string Distribution(BoundDistribution d)
        {
            if (!_distributions.TryGetValue(d, out var name))
            {
                name = _names.Fresh("_rewardDistribution");
                _distributions[d] = name;
            }
            return name;
        }

        public IEnumerable<KeyValuePair<BoundDistribution, string>> Distributions => _distributions;

        /// <summary>A fresh internal field name.</summary>
        public string Internal(string preferred) => _names.Fresh("_" + preferred);
    }
}
