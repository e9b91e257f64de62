using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Diagnostics
{
    /// <summary>Collects diagnostics during one compilation; hands them out in source order.</summary>
    public sealed class DiagnosticBag
    {
        private readonly List<Diagnostic> _items = new List<Diagnostic>();

        public bool HasErrors { get; private set; }

        public int Count => _items.Count;

        public void Add(Diagnostic diagnostic)
        {
            // The same mistake reached twice (e.g. a let used in two places) is reported once.
            if (_items.Contains(diagnostic)) return;
            _items.Add(diagnostic);
            if (diagnostic.IsError) HasErrors = true;
        }

        public List<Diagnostic> ToList() =>
            _items.OrderBy(d => d.Span.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal).ToList();
    }
}
