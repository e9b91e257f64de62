using System;
using System.Linq;
using System.Threading;
using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Generators
{
    public sealed partial class RlSpecGenerator
    {
        /// <summary>
        /// Compiles one file with the RlSpec compiler, under its project-relative <see cref="SpecFile.SourcePath"/>
        /// (the emitted code records that path, never the machine's). Never throws (except for cancellation):
        /// an exception inside the compiler becomes the internal-error diagnostic RLS9999 on the file.
        /// </summary>
        internal static CompiledFile Compile(SpecFile file, EquatableArray<SpecText> dataFiles, CancellationToken cancellationToken)
        {
            try
            {
                var result = RlSpecCompiler.Compile(file.SourcePath, file.Text, null, cancellationToken, null, new AdditionalDataFiles(file, dataFiles));
                var declarations = result.Models
                    .Select(m => new ModelDeclaration(m.Name, m.TypeName, LocateModelName(file.Path, file.Text, m.Kind, m.Name)));
                return new CompiledFile(file.Path, file.HintPrefix,
                    new EquatableArray<GeneratedModel>(result.Models),
                    new EquatableArray<Diagnostic>(result.Diagnostics),
                    new EquatableArray<ModelDeclaration>(declarations));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                return new CompiledFile(file.Path, file.HintPrefix,
                    new EquatableArray<GeneratedModel>(Array.Empty<GeneratedModel>()),
                    new EquatableArray<Diagnostic>(new[] { DiagnosticDescriptors.InternalErrorDiagnostic(file.Path, ex) }),
                    new EquatableArray<ModelDeclaration>(Array.Empty<ModelDeclaration>()));
            }
        }
    }
}
