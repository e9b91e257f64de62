using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// The file scope: the declarations of one file by name. Checks each declaration's header (its
    /// kind against the registry, a unique name, <c>on X</c> resolved among the file's declarations,
    /// modifiers the kind accepts), binds what every kind shares, and checks that each <c>-p</c>
    /// override names some parameter.
    /// </summary>
    internal static class FileBinder
    {
        public static List<Binder> Bind(FileNode file, SourceText source, KindRegistry kinds, IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics, CancellationToken cancellationToken,
            RlSpec.Compiler.Data.IDataFileProvider? dataFiles = null)
        {
            var result = new List<Binder>();
            if (file.Models.Count == 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticIds.EmptyModel, Severity.Error,
                    "the file declares no model; start with e.g. `mdp MyModel { ... }`", SourceSpan.FileStart(file.Path)));
                return result;
            }
            // The scope holds every declaration, so `on X` may name one declared later in the file.
            var scope = new Dictionary<string, ModelNode>(StringComparer.Ordinal);
            foreach (var node in file.Models)
                if (!scope.ContainsKey(node.Name)) scope[node.Name] = node;
            foreach (var node in file.Models)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (scope[node.Name] != node)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticIds.DuplicateModel, Severity.Error,
                        $"a model named '{node.Name}' is already declared at line {scope[node.Name].NameSpan.Line}; rename one of them", node.NameSpan));
                    continue;
                }
                if (!kinds.TryGet(node.Kind, out var kind))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticIds.UnknownModelKind, Severity.Error, UnknownKindMessage(node.Kind, kinds), node.KindSpan));
                    continue;
                }
                var binder = new Binder(node, kind, source, overrides, diagnostics);
                binder.DataFiles = dataFiles;
                binder.CancellationToken = cancellationToken;
                BindHeader(binder, scope);
                binder.BindShared();
                result.Add(binder);
            }
            // Every declaration's shared parts are bound now, so one declared `on` another can read the
            // target's parameters (with the values in force) whatever the order of the file.
            var bound = result.ToDictionary(b => b.Node, b => b.Model);
            foreach (var binder in result)
                if (binder.Model.Target is { } targetNode && bound.TryGetValue(targetNode, out var targetModel))
                    binder.Model.TargetModel = targetModel;
            CheckOverrides(file, overrides, diagnostics);
            return result;
        }

        private static string UnknownKindMessage(string keyword, KindRegistry kinds)
        {
            var known = string.Join(", ", kinds.Keywords);
            return keyword is "bandit" or "game" or "problem" or "experiment"
                ? $"'{keyword}' models are planned but not supported yet; the known kinds are {known}"
                : $"unknown model kind '{keyword}'; the known kinds are {known}";
        }

        /// <summary>Resolves <c>on X</c> in the file scope and checks the modifiers against the kind.</summary>
        private static void BindHeader(Binder binder, Dictionary<string, ModelNode> scope)
        {
            var node = binder.Node;
            var kind = binder.Kind;
            if (node.Target is { } target)
            {
                if (kind.Target == TargetUse.None)
                    binder.Error(DiagnosticIds.TargetMismatch, $"`{kind.Keyword}` models are not declared `on` another model; remove `on {target.Text}`", target.Span);
                else if (!scope.TryGetValue(target.Text, out var declaration) || declaration == node)
                {
                    var others = scope.Keys.Where(k => k != node.Name).ToList();
                    binder.Error(DiagnosticIds.UnknownTarget,
                        $"no model named {target.Text} in this file; declared: {(others.Count == 0 ? "none besides this one" : string.Join(", ", others))}",
                        target.Span);
                }
                else binder.Model.Target = declaration;
            }
            else if (kind.Target == TargetUse.Required)
            {
                binder.Error(DiagnosticIds.TargetMismatch, $"`{kind.Keyword}` models run on another model; write `{kind.Keyword} {node.Name} on OtherModel {{ ... }}`", node.NameSpan);
            }
            foreach (var modifier in node.Modifiers ?? Array.Empty<Identifier>())
            {
                if (kind.Modifiers.Contains(modifier.Text)) binder.Model.Modifiers.Add(modifier.Text);
                else
                    binder.Error(DiagnosticIds.UnknownModifier,
                        kind.Modifiers.Count == 0
                            ? $"`{kind.Keyword}` models take no modifiers; remove '{modifier.Text}'"
                            : $"unknown modifier '{modifier.Text}' for `{kind.Keyword}` models; the modifiers are {string.Join(", ", kind.Modifiers)}",
                        modifier.Span);
            }
        }

        private static void CheckOverrides(FileNode file, IReadOnlyDictionary<string, string> overrides, DiagnosticBag diagnostics)
        {
            foreach (var name in overrides.Keys)
            {
                bool known = file.Models.Any(m => m.Members.OfType<ParamNode>().Any(p => p.Name.Text == name));
                if (known) continue;
                var all = file.Models.SelectMany(m => m.Members.OfType<ParamNode>()).Select(p => p.Name.Text).Distinct().ToList();
                diagnostics.Add(new Diagnostic(DiagnosticIds.UnknownParameterOverride, Severity.Error,
                    $"no model in this file has a parameter '{name}'" +
                    (all.Count > 0 ? $"; parameters are {string.Join(", ", all)}" : "; the models declare no parameters"),
                    // The mistake is on the command line: located at the option, not at a file position.
                    SourceSpan.CommandLine($"-p {name}={overrides[name]}")));
            }
        }
    }
}
