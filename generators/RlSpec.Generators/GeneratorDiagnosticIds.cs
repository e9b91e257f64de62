namespace RlSpec.Generators
{
    /// <summary>
    /// Ids of what only a build can get wrong (the project around the models); the ids of mistakes inside
    /// a model are the compiler's (RlSpec.Compiler.Diagnostics.DiagnosticIds). All are in docs/diagnostics.md.
    /// </summary>
    public static class GeneratorDiagnosticIds
    {
        /// <summary>RLS0500 (error): two .rlspec files of one project declare a model of the same name.</summary>
        public const string DuplicateModelInProject = "RLS0500";

        /// <summary>RLS0501 (warning): the project references RlSpec but has no .rlspec file.</summary>
        public const string NoModelFiles = "RLS0501";

        /// <summary>RLS0502 (error): the project has .rlspec files but does not reference the RlSpec.Runtime library.</summary>
        public const string MissingRuntime = "RLS0502";
    }
}
