using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RlSpec.Compiler.Emit
{
    /// <summary>
    /// Safe C# spellings of names and literals. Model identifiers match [A-Za-z_][A-Za-z0-9_]* (the
    /// lexer guarantees it), so escaping keywords with '@' makes them valid identifiers, and string
    /// literals are escaped character by character: nothing from a model can change the emitted code's shape.
    /// </summary>
    public static class CSharpNames
    {
        private static readonly HashSet<string> Keywords = new HashSet<string>
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
            "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
            "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
            "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
            "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
            "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
            // Contextual keywords that would confuse a reader or the compiler in some positions.
            "var", "dynamic", "value", "async", "await", "yield", "record", "scoped", "file", "required", "nameof", "field",
        };

        public static bool IsKeyword(string name) => Keywords.Contains(name);

        /// <summary>A name usable as a C# identifier: keywords get '@'.</summary>
        public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

        /// <summary>The C# type name of a declaration whose type has no members named like it: keywords get '@'.</summary>
        public static string TypeName(string modelName) => Identifier(modelName);

        /// <summary>
        /// The C# type name of a model. A model named like one of its type's own members (a type cannot
        /// have a member of its own name) is called <c>NameModel</c>; a keyword gets '@'.
        /// </summary>
        public static string TypeName(string modelName, IEnumerable<string> memberNames) =>
            memberNames.Contains(modelName) ? modelName + "Model" : Identifier(modelName);

        /// <summary>
        /// The source path as emitted code may show it: a relative path (the generator passes one relative to
        /// the project) as given, a rooted one as its file name only, so generated code never depends on the
        /// directory of the machine that built it.
        /// </summary>
        public static string PortablePath(string path)
        {
            bool rooted = path.StartsWith("/", System.StringComparison.Ordinal) || path.StartsWith("\\", System.StringComparison.Ordinal)
                || (path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]));
            if (!rooted) return path.Replace('\\', '/');
            return FileName(path);
        }

        /// <summary>The file name of a path written with either kind of slash.</summary>
        public static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);

        /// <summary>Text inside an XML documentation comment: markup characters escaped, printable ASCII only.</summary>
        public static string XmlDoc(string text)
        {
            var sb = new StringBuilder();
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    default: sb.Append(c < ' ' || c > '~' ? '?' : c); break;
                }
            }
            return sb.ToString();
        }

        /// <summary>A C# string literal.</summary>
        public static string String(string text)
        {
            var sb = new StringBuilder("\"");
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < ' ' || c > '~') sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }

        /// <summary>Text for a comment: printable ASCII only, so it cannot end the comment line.</summary>
        public static string Comment(string text)
        {
            var sb = new StringBuilder();
            foreach (var c in text) sb.Append(c < ' ' || c > '~' ? '?' : c);
            return sb.ToString();
        }

        /// <summary>A double literal that round-trips.</summary>
        public static string Real(double v)
        {
            if (double.IsPositiveInfinity(v)) return "double.PositiveInfinity";
            if (double.IsNegativeInfinity(v)) return "double.NegativeInfinity";
            if (double.IsNaN(v)) return "double.NaN";
            var s = v.ToString("R", CultureInfo.InvariantCulture);
            if (s.IndexOf('.') < 0 && s.IndexOf('E') < 0) s += ".0";
            return s;
        }

        public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

        /// <summary>PascalCase of an identifier, for method names: order -> Order, move_left -> MoveLeft.</summary>
        public static string Pascal(string name)
        {
            var sb = new StringBuilder();
            bool upper = true;
            foreach (var c in name)
            {
                if (c == '_') { upper = true; continue; }
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            return sb.Length == 0 ? "Action" : sb.ToString();
        }
    }

    /// <summary>Hands out identifiers that are unique within one scope, preferring the name asked for.</summary>
    public sealed class NameTable
    {
        private readonly HashSet<string> _used;

        public NameTable(IEnumerable<string>? reserved = null)
        {
            _used = new HashSet<string>(reserved ?? new string[0]);
        }

        public NameTable Clone() => new NameTable(_used);

        /// <summary>Returns <paramref name="preferred"/> if free (not a keyword, not taken), else preferred2, preferred3, ...</summary>
        public string Fresh(string preferred)
        {
            var name = preferred;
            for (int k = 2; _used.Contains(name) || CSharpNames.IsKeyword(name); k++)
                name = preferred + k.ToString(CultureInfo.InvariantCulture);
            _used.Add(name);
            return name;
        }
    }
}
