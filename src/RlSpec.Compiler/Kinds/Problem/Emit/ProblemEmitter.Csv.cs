using System.Globalization;
using System.Text;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Problem.Ir;

namespace RlSpec.Compiler.Kinds.Problem.Emit
{
    internal sealed partial class ProblemEmitter
    {
        /// <summary>
        /// A let read from a CSV file: its numbers are embedded as an array initializer (the C# compiler stores it as
        /// one data blob), so the built program needs no file at run time and reads the values the compiler checked.
        /// One line of code per row of the file (8 numbers per line for wide rows).
        /// </summary>
        private void WriteTable(ProblemData d, TensorNode root)
        {
            var values = root.Table!;
            int perLine = root.Shape.Columns > 1 && root.Shape.Columns <= 10 ? root.Shape.Columns : 8;
            _w.Line($"// {values.Length} numbers from the file, as they were when this code was generated; edit the file and rebuild to change them.");
            _w.Open($"this.{d.CSharpName} = new double[]");
            var line = new StringBuilder();
            for (int k = 0; k < values.Length; k++)
            {
                line.Append(ExactReal(values[k])).Append(',');
                if ((k + 1) % perLine == 0 || k == values.Length - 1)
                {
                    _w.Line(line.ToString());
                    line.Clear();
                }
                else line.Append(' ');
            }
            _w.Close(";");
        }

        /// <summary>
        /// A C# literal that reads back as exactly <paramref name="v"/> (finite; CSV data is checked): the shortest
        /// round-trip text where the platform gives one ("R" is not always exact on .NET Framework), else 17 digits.
        /// Negative zero keeps its sign (<c>-0.0</c>).
        /// </summary>
        internal static string ExactReal(double v)
        {
            var s = v.ToString("R", CultureInfo.InvariantCulture);
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var back) ||
                System.BitConverter.DoubleToInt64Bits(back) != System.BitConverter.DoubleToInt64Bits(v))
                s = v.ToString("G17", CultureInfo.InvariantCulture);
            if (s.IndexOf('.') < 0 && s.IndexOf('E') < 0) s += ".0";
            return s;
        }
    }
}
