using System;
using RlSpec.Compiler.Data;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Problem.Binding
{
    /// <summary>
    /// <c>csv("data/a.csv")</c> in a let: numbers read from a file at compile time through the host's
    /// <see cref="IDataFileProvider"/> (the path is relative to the .rlspec file) and embedded in the emitted code.
    /// One column (or, with a declared <c>vector(n)</c>, one row) is a vector, anything else a matrix; an optional
    /// second argument <c>vector(n)</c> / <c>matrix(rows, cols)</c> is checked against the file, and <c>header = 1</c>
    /// skips a first line of column names.
    /// </summary>
    internal sealed partial class ProblemBinder
    {
        private TensorNode? BindCsv(CallExpr c, bool quiet)
        {
            const string usage = "write csv(\"data/a.csv\"), optionally with the shape you expect, csv(\"data/a.csv\", matrix(m, n)), and header = 1 for a first line of names";
            if (c.Arguments.Count == 0 || c.Arguments[0].Name != null || c.Arguments[0].Value is not StringLiteral pathLiteral)
                return Fail(quiet, DiagnosticIds.CsvCall, "csv(...) takes the file's path first, as a string relative to this .rlspec file; " + usage, c.Span);
            var path = pathLiteral.Value;
            var at = pathLiteral.Span;
            if (path.Trim().Length == 0 || !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                return Fail(quiet, DiagnosticIds.CsvCall, $"'{path}' is not the name of a .csv file; csv(...) reads a comma-separated file whose name ends in .csv", at);
            Shape? declared = null;
            bool header = false;
            for (int k = 1; k < c.Arguments.Count; k++)
            {
                var a = c.Arguments[k];
                if (a.Name is null && k == 1 && declared is null)
                {
                    declared = CsvDeclaredShape(a.Value, quiet);
                    if (declared is null) return null;
                }
                else if (a.Name?.Text == "header")
                {
                    if (Bind(a.Value, Context.Data, true) is not { Op: TensorOp.Constant } h || (h.Number != 0 && h.Number != 1))
                        return Fail(quiet, DiagnosticIds.CsvCall, "header is 1 (the first line names the columns and is skipped) or 0 (the default)", a.Value.Span);
                    header = h.Number == 1;
                }
                else return Fail(quiet, DiagnosticIds.CsvCall, "csv(...) takes a path, an optional shape and header = 0 or 1; " + usage, a.Span);
            }
            if (quiet) return null; // reading a file is not a probe: only a reported binding reads it
            var files = _b.DataFiles;
            if (files is null)
                return Fail(false, DiagnosticIds.CsvFileMissing, $"this host reads no data files, so '{path}' cannot be read; compile with a data-file provider (the rlspec command line and the source generator have one)", at);
            long? length;
            try { length = files.Length(path); }
            catch (Exception ex) when (!(ex is OperationCanceledException)) { return Fail(false, DiagnosticIds.CsvFileMissing, $"cannot read '{path}': {ex.Message}", at); }
            if (length is null) return Fail(false, DiagnosticIds.CsvFileMissing, $"data file '{path}' not found; {files.HowToProvide(path)}", at);
            if (length > CsvTable.MaxLength)
                return Fail(false, DiagnosticIds.CsvTooLarge, $"'{path}' is {(length.Value / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} MiB, more than the {CsvTable.MaxLength / (1024 * 1024)} MiB a data file may have (its numbers are embedded in the generated C#); use a seeded generator, or load the data in C#", at);
            string text;
            try { text = files.Read(path, _b.CancellationToken); }
            catch (Exception ex) when (!(ex is OperationCanceledException)) { return Fail(false, DiagnosticIds.CsvFileMissing, $"cannot read '{path}': {ex.Message}", at); }
            var table = CsvTable.Parse(text, header, out var problem, out var message, _b.CancellationToken);
            if (table is null)
            {
                var id = problem switch
                {
                    CsvProblem.Unparsable => DiagnosticIds.CsvUnparsable,
                    CsvProblem.Ragged => DiagnosticIds.CsvRagged,
                    CsvProblem.Empty => DiagnosticIds.CsvEmpty,
                    CsvProblem.NotFinite => DiagnosticIds.CsvNotFinite,
                    _ => DiagnosticIds.CsvTooLarge,
                };
                return Fail(false, id, $"{path}: {message}", at);
            }
            Shape shape;
            if (declared is { } d)
            {
                bool fits = d.Columns == 1
                    ? (table.Columns == 1 && table.Rows == d.Rows) || (table.Rows == 1 && table.Columns == d.Rows)
                    : table.Rows == d.Rows && table.Columns == d.Columns;
                if (!fits)
                    return Fail(false, DiagnosticIds.CsvShapeMismatch,
                        $"'{path}' has {Rows(table.Rows)} of {Numbers(table.Columns)} ({table.Rows}×{table.Columns}), but the let declares {d}" +
                        (d.Columns == 1 ? $" (a vector is one column of {d.Rows} numbers or one row of {d.Rows})" : "") + "; fix the file or the declared shape", at);
                shape = d;
            }
            else shape = table.Columns == 1 ? Shape.Vector(table.Rows) : new Shape(table.Rows, table.Columns);
            var node = _f.Table(table.Values, path, shape, c.Span);
            node.Text = _b.Model.Source.Quote(c.Span);
            return node;
        }

        private static string Rows(int n) => n == 1 ? "1 row" : $"{CsvTable.Count(n)} rows";

        private static string Numbers(int n) => n == 1 ? "1 number" : $"{CsvTable.Count(n)} numbers";

        /// <summary><c>vector(n)</c> or <c>matrix(rows, cols)</c> with sizes known at compile time.</summary>
        private Shape? CsvDeclaredShape(ExprNode e, bool quiet)
        {
            if (e is CallExpr { Function.Text: "vector" } v && v.Arguments.Count == 1 && v.Arguments[0].Name is null)
                return PositiveInt(v.Arguments[0].Value, "a vector's length") is int n ? Shape.Vector(n) : (Shape?)null;
            if (e is CallExpr { Function.Text: "matrix" } m && m.Arguments.Count == 2 && m.Arguments[0].Name is null && m.Arguments[1].Name is null)
            {
                if (PositiveInt(m.Arguments[0].Value, "a matrix's rows") is not int r || PositiveInt(m.Arguments[1].Value, "a matrix's columns") is not int k) return null;
                if ((double)r * k > CsvTable.MaxNumbers)
                {
                    Fail(quiet, DiagnosticIds.CsvTooLarge, $"a {r}×{k} matrix is more than the {CsvTable.Count(CsvTable.MaxNumbers)} numbers a CSV file may hold (they are embedded in the generated C#); declare the shape the file has, or make large data with a seeded generator", e.Span);
                    return null;
                }
                return new Shape(r, k);
            }
            Fail(quiet, DiagnosticIds.CsvCall, "the shape a csv file must have is `vector(n)` or `matrix(rows, cols)`", e.Span);
            return null;
        }
    }
}
