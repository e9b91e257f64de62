using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Diagnostics
{
    /// <summary>Collects diagnostics during one compilation; hands them out in source order.</summary>
    public sealed class DiagnosticBag
    {
        private readonly List<Diagnostic> _items = new List<Diagnostic>();
        private readonly HashSet<Diagnostic> _seen = new HashSet<Diagnostic>();

        public bool HasErrors { get; private set; }

        public int Count => _items.Count;

        public void Add(Diagnostic diagnostic)
        {
            // The same mistake reached twice (e.g. a let used in two places) is reported once.
            // A set, not a list search: a large file with many mistakes must not take quadratic time.
            if (!_seen.Add(diagnostic)) return;
            _items.Add(diagnostic);
            if (diagnostic.IsError) HasErrors = true;
        }

        public List<Diagnostic> ToList() =>
            _items.OrderBy(d => d.Span.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal).ToList();
    }
}
