using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>Parameters: typed literal defaults, replaced by <c>-p name=value</c> overrides.</summary>
    public sealed partial class Binder
    {
        private void BindParam(ParamNode node)
        {
            int errors = _diagnostics.Count;
            BindParamValue(node);
            if (!_symbols.ContainsKey(node.Name.Text) || _diagnostics.Count > errors && !Model.Params.Any(p => p.Name == node.Name.Text))
            {
                // The parameter failed: declare it with the error type so that its uses are not reported again.
                Model.HasErrors = true;
                if (!_symbols.ContainsKey(node.Name.Text)) _symbols[node.Name.Text] = new ParamSymbol(node.Name.Text, node.Name.Span, RType.Error, 0L);
            }
        }

        private void BindParamValue(ParamNode node)
        {
            var value = Bind(node.Default);
            if (value.HasError) { Model.HasErrors = true; return; }
            if (value.Deps != Dep.None)
            {
                Error(DiagnosticIds.NotConstant,
                    $"the default of parameter '{node.Name.Text}' must be a literal such as 6, 0.95 or true; derive other values with `let`", node.Default.Span);
                return;
            }
            RType type;
            switch (node.DeclaredType)
            {
                case "int": type = RType.Int; break;
                case "real": type = RType.Real; break;
                case "bool": type = RType.Bool; break;
                default:
                    type = value.Type;
                    if (!(type.Kind is TypeKind.Int or TypeKind.Real or TypeKind.Bool))
                    {
                        Error(DiagnosticIds.ParamTypeMismatch, $"a parameter must be an int, a real or a bool, not a {value.Type}", node.Default.Span);
                        return;
                    }
                    break;
            }
            if (!Assignable(value.Type, type))
            {
                Error(DiagnosticIds.ParamTypeMismatch,
                    $"parameter '{node.Name.Text}' is declared {type} but its default is a {value.Type}" +
                    (type.Kind == TypeKind.Int && value.Type.Kind == TypeKind.Real ? "; write an integer, or declare it `: real`" : ""),
                    node.Default.Span);
                return;
            }
            object v;
            try { v = Model.Evaluator.Evaluate(value); }
            catch (EvaluationException e) { Error(e.Id, e.Message, e.Span); return; }
            if (type.Kind == TypeKind.Real) v = ConstantEvaluator.ToReal(v);
            if (_overrides.TryGetValue(node.Name.Text, out var text))
            {
                if (!TryParseOverride(text, type, out var overridden, out var problem))
                {
                    Error(DiagnosticIds.OverrideTypeMismatch, $"-p {node.Name.Text}={text}: {problem}", node.Name.Span);
                    return;
                }
                v = overridden;
            }
            var symbol = new ParamSymbol(node.Name.Text, node.Name.Span, type, v);
            if (Declare(symbol)) Model.Params.Add(symbol);
        }

        private static bool TryParseOverride(string text, RType type, out object value, out string problem)
        {
            value = 0L;
            problem = "";
            text = text.Trim();
            switch (type.Kind)
            {
                case TypeKind.Int:
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) && i >= int.MinValue && i <= int.MaxValue)
                    {
                        value = i;
                        return true;
                    }
                    problem = $"the parameter is an int and '{text}' is not an integer (e.g. -p N=12)";
                    return false;
                case TypeKind.Real:
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d))
                    {
                        value = d;
                        return true;
                    }
                    problem = $"the parameter is a real and '{text}' is not a number (e.g. 0.95 or 1e-3)";
                    return false;
                default:
                    if (text == "true" || text == "false")
                    {
                        value = text == "true";
                        return true;
                    }
                    problem = $"the parameter is a bool and '{text}' is neither true nor false";
                    return false;
            }
        }
    }
}
