using RlSpec.Compiler.Emit;

namespace RlSpec.Compiler.Kinds.Problem.Emit
{
    /// <summary>
    /// A transport problem (<c>transport cost = C, source = a, target = b, epsilon = ε</c>) is emitted as a struct
    /// implementing <c>RlSpec.Runtime.Optimization.Transport.ITransportProblem</c>: the lets computed once by
    /// <c>Create</c> (which refuses, with an ArgumentException, a non-finite cost or marginals that are not positive
    /// or do not carry one mass) and read-only views of C, a, b and ε for the runtime's Sinkhorn.
    /// </summary>
    internal sealed partial class ProblemEmitter
    {
        private void WriteTransport(string file)
        {
            var t = _p.Transport!;
            var shape = t.Cost.Value.Shape;
            _w.Line("/// <summary>");
            _w.Line($"/// The entropic optimal-transport problem {CSharpNames.XmlDoc(_ir.Name)} ({CSharpNames.XmlDoc(file)}): a {shape.Rows} × {shape.Columns} cost matrix, " +
                    $"source and target marginals, ε = {CSharpNames.XmlDoc(CSharpNames.Real(t.Epsilon))}. Get one with Create(); it is immutable.");
            _w.Line("/// </summary>");
            _w.Open($"public readonly partial struct {_ir.TypeName} : global::RlSpec.Runtime.Optimization.Transport.ITransportProblem");
            _w.Line("private readonly Data _d;");
            _w.Line();
            _w.Line($"private {_ir.TypeName}(Data data) {{ _d = data; }}");
            _w.Line();
            _w.Line("/// <summary>Builds the data (unseeded generators draw from <paramref name=\"instanceSeed\"/>) and checks the transport.</summary>");
            _w.Open($"public static {_ir.TypeName} Create(ulong instanceSeed = 0)");
            _w.Line("var data = new Data(instanceSeed);");
            _w.Line($"global::RlSpec.Runtime.Optimization.Transport.TransportData.Check(data.{t.Cost.CSharpName}, {shape.Rows}, {shape.Columns}, data.{t.Source.CSharpName}, data.{t.Target.CSharpName}, {CSharpNames.Real(t.Epsilon)});");
            _w.Line($"return new {_ir.TypeName}(data);");
            _w.Close();
            _w.Line();
            _w.Line($"public const string Name = {CSharpNames.String(_ir.Name)};");
            _w.Line($"public const string SourcePath = {CSharpNames.String(_ir.SourcePath)};");
            _w.Line();
            _w.Line($"public int Rows => {shape.Rows};");
            _w.Line($"public int Columns => {shape.Columns};");
            _w.Line($"public double Epsilon => {CSharpNames.Real(t.Epsilon)};");
            _w.Line();
            _w.Line($"/// <summary>C = {CSharpNames.XmlDoc(t.Cost.Value.Text)}, row-major.</summary>");
            _w.Line($"public {ReadOnlySpan} Cost => _d.{t.Cost.CSharpName};");
            _w.Line($"/// <summary>a = {CSharpNames.XmlDoc(t.Source.Value.Text)}.</summary>");
            _w.Line($"public {ReadOnlySpan} Source => _d.{t.Source.CSharpName};");
            _w.Line($"/// <summary>b = {CSharpNames.XmlDoc(t.Target.Value.Text)}.</summary>");
            _w.Line($"public {ReadOnlySpan} Target => _d.{t.Target.CSharpName};");
            _w.Line();
            WriteData();
            _w.Close();
        }
    }
}
