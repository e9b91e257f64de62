using System;
using System.Threading;
using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Generators
{
    public sealed partial class RlSpecGenerator
    {
        /// <summary>
        /// Compiles one file with the RlSpec compiler. Never throws (except for cancellation): an
        /// exception inside the compiler becomes the internal-error diagnostic RLS9999 on the file.
        /// </summary>
        internal static CompiledFile Compile(SpecFile file, CancellationToken cancellationToken)
        {
            try
            {
                var result = RlSpecCompiler.Compile(file.Path, file.Text, null, cancellationToken);
                return new CompiledFile(file.Path, file.HintPrefix,
                    new EquatableArray<GeneratedModel>(result.Models),
                    new EquatableArray<Diagnostic>(result.Diagnostics));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                return new CompiledFile(file.Path, file.HintPrefix,
                    new EquatableArray<GeneratedModel>(Array.Empty<GeneratedModel>()),
                    new EquatableArray<Diagnostic>(new[] { DiagnosticDescriptors.InternalErrorDiagnostic(file.Path, ex) }));
            }
        }
    }
}
