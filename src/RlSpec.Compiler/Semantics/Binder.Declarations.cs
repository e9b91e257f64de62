using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics.Builtins;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>Declarations: every name a declaration introduces goes into its scope before anything is bound.</summary>
    public sealed partial class Binder
    {
        /// <summary>
        /// First pass, in member order: lets and random variables here, the kind's own members through
        /// its Declare hook, so order of declaration does not matter. A member the kind does not take is
        /// reported here, once.
        /// </summary>
        private void DeclareAll(IReadOnlyList<MemberNode> members)
        {
            int randomIndex = 0;
            foreach (var member in members)
            {
                switch (member)
                {
                    case ParamNode _:
                        break; // declared when bound, with its type and value
                    case LetNode _ when Kind.BindsOwnLets:
                    case RandomNode _ when Kind.BindsOwnLets:
                        break; // the kind binds its lets (tensors) itself
                    case LetNode let:
                    {
                        var s = new LetSymbol(let.Name.Text, let.Name.Span);
                        if (Declare(s)) _letNodes[s] = let;
                        break;
                    }
                    case RandomNode r:
                    {
                        var s = new RandomSymbol(r.Name.Text, r.Name.Span, randomIndex);
                        if (Declare(s))
                        {
                            _randomNodes[s] = r;
                            Model.Randoms.Add(s);
                            randomIndex++;
                        }
                        break;
                    }
                    default:
                        if (!Kind.Allows(member))
                        {
                            // A setting is any `word value`, so a misspelled keyword (`dicount 0.9`) parses as one:
                            // said as the parser says it when the word is one typo from a word the kind knows.
                            if (member is SettingNode setting && EditDistance.Closest(setting.Key.Text, Kind.MemberWords) is { } closest)
                            {
                                Error(DiagnosticIds.SyntaxError, $"unknown keyword '{setting.Key.Text}'; did you mean '{closest}'?", setting.Key.Span);
                                break;
                            }
                            Error(DiagnosticIds.MemberNotAllowed,
                                $"{MemberKeywords.Describe(member)} does not belong in `{Kind.Keyword}` models; they declare {Kind.MemberSummary}",
                                member is SettingNode s ? s.Key.Span : member.Span);
                            break;
                        }
                        Kind.Declare(this, member);
                        break;
                }
            }
        }

        /// <summary>Puts a symbol into the scope; false (after a diagnostic) when the name is taken or reserved.</summary>
        public bool Declare(Symbol symbol)
        {
            // A reserved name is reported, but the symbol is still declared so that its uses bind quietly.
            CheckUserName(symbol.Name, symbol.Span);
            if (BuiltinNames.IsBuiltin(symbol.Name))
            {
                Error(DiagnosticIds.ReservedName, $"'{symbol.Name}' is a built-in function; choose another name", symbol.Span);
                return false;
            }
            if (_symbols.TryGetValue(symbol.Name, out var existing))
            {
                Error(DiagnosticIds.DuplicateDeclaration,
                    $"'{symbol.Name}' is already declared as a {existing.What} at line {existing.Span.Line}; rename one of them", symbol.Span);
                return false;
            }
            _symbols[symbol.Name] = symbol;
            return true;
        }
    }
}
