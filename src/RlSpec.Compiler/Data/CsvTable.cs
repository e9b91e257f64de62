using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace RlSpec.Compiler.Data
{
    /// <summary>What is wrong with a CSV file of numbers (each kind has its own diagnostic id).</summary>
    public enum CsvProblem { None, Unparsable, Ragged, Empty, NotFinite, TooLarge }

    /// <summary>
    /// A CSV file of numbers read into a dense row-major table: one row per non-blank line, fields separated by
    /// commas (spaces around a field are ignored), every row with the same number of fields. Numbers are parsed
    /// culture-invariant (a decimal point, an optional exponent: <c>-1.5e-3</c>), so a file reads the same on every
    /// machine, and round-trip exactly (the shortest text that prints a double reads back as that double).
    /// NaN, infinities and numbers beyond double's range (<c>1e400</c>) are refused: data must be finite.
    /// </summary>
    public sealed class CsvTable
    {
        /// <summary>The most numbers a file may hold: they are embedded in the emitted C# (8 bytes each at run time, ~20 characters of source).</summary>
        public const int MaxNumbers = 1_000_000;

        /// <summary>The largest file read (64 MiB), checked before reading it.</summary>
        public const long MaxLength = 64L * 1024 * 1024;

        private CsvTable(int rows, int columns, double[] values)
        {
            Rows = rows; Columns = columns; Values = values;
        }

        public int Rows { get; }

        public int Columns { get; }

        /// <summary>Row-major: entry (r, c) at r * Columns + c.</summary>
        public double[] Values { get; }

        /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says what and <paramref name="message"/> where (1-based row and column).</summary>
        public static CsvTable? Parse(string text, bool header, out CsvProblem problem, out string message, CancellationToken cancellationToken = default)
        {
            problem = CsvProblem.None;
            message = "";
            var values = new List<double>();
            int columns = -1, rows = 0, line = 0, firstRowLine = 0;
            int pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; // a UTF-8 byte-order mark
            bool skippedHeader = !header;
            while (pos < text.Length)
            {
                if ((line & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                int end = text.IndexOf('\n', pos);
                if (end < 0) end = text.Length;
                int stop = end > pos && text[end - 1] == '\r' ? end - 1 : end;
                line++;
                var content = text.Substring(pos, stop - pos);
                pos = end + 1;
                if (content.Trim().Length == 0) continue; // blank lines (e.g. the last newline) hold no row
                if (!skippedHeader) { skippedHeader = true; continue; }
                int count = 0, start = 0;
                while (true)
                {
                    int comma = content.IndexOf(',', start);
                    var field = (comma < 0 ? content.Substring(start) : content.Substring(start, comma - start)).Trim();
                    count++;
                    if (!TryNumber(field, out var v, out var nonFinite))
                    {
                        problem = nonFinite ? CsvProblem.NotFinite : CsvProblem.Unparsable;
                        message = nonFinite
                            ? $"line {line}, column {count}: '{Shorten(field)}' is {(LooksLikeNonFinite(field) ? "not a finite number" : "beyond the range of a double (about ±1.8e308)")}; data must be finite numbers"
                            : field.Length == 0
                                ? $"line {line}, column {count} is empty; write a number there (or remove the extra comma)"
                                : $"line {line}, column {count}: '{Shorten(field)}' is not a number; write numbers with a decimal point and an optional exponent, like -1.5e-3" +
                                  (field.IndexOf(';') >= 0 || field.IndexOf('\t') >= 0 ? ", and separate the fields with commas (not ';' or tabs)"
                                   : rows == 0 && !header ? ". If the first line is a header, write csv(\"...\", header = 1)" : "");
                        return null;
                    }
                    if (values.Count >= MaxNumbers)
                    {
                        problem = CsvProblem.TooLarge;
                        message = $"the file holds more than {Count(MaxNumbers)} numbers (line {line}); the numbers are embedded in the generated C#, so a problem reads at most {Count(MaxNumbers)} from a CSV file. For more data use a seeded generator, or load it in C# and pass it to the problem";
                        return null;
                    }
                    values.Add(v);
                    if (comma < 0) break;
                    start = comma + 1;
                }
                rows++;
                if (columns < 0) { columns = count; firstRowLine = line; }
                else if (count != columns)
                {
                    problem = CsvProblem.Ragged;
                    message = $"line {line} has {count} number{(count == 1 ? "" : "s")} but line {firstRowLine} (the first row) has {columns}; every row needs the same number of columns";
                    return null;
                }
            }
            if (rows == 0)
            {
                problem = CsvProblem.Empty;
                message = header ? "the file has no rows after its header; write one row of numbers per line" : "the file has no numbers; write one row of comma-separated numbers per line";
                return null;
            }
            return new CsvTable(rows, columns, values.ToArray());
        }

        /// <summary>Culture-invariant: digits, one decimal point, an optional sign and exponent; no thousands separators, no hex.</summary>
        private static bool TryNumber(string field, out double value, out bool nonFinite)
        {
            nonFinite = false;
            value = 0;
            if (field.Length == 0) return false;
            try
            {
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    // .NET Framework's parser fails on overflow where .NET Core returns an infinity.
                    nonFinite = IsDecimalSyntax(field);
                    return false;
                }
            }
            catch (OverflowException)
            {
                nonFinite = true;
                return false;
            }
            if (double.IsNaN(value) || double.IsInfinity(value)) { nonFinite = true; return false; }
            return true;
        }

        private static bool LooksLikeNonFinite(string field)
        {
            var f = field.TrimStart('+', '-');
            return f.Equals("NaN", StringComparison.OrdinalIgnoreCase) || f.StartsWith("inf", StringComparison.OrdinalIgnoreCase) || f == "∞";
        }

        private static bool IsDecimalSyntax(string field)
        {
            foreach (var c in field)
                if (!(char.IsDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) return false;
            return true;
        }

        /// <summary>A count with thousands separators, the same in every culture (1,000,000).</summary>
        internal static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        private static string Shorten(string s) => s.Length <= 40 ? s : s.Substring(0, 37) + "...";
    }
}
