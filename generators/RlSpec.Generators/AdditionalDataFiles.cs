using System;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Data;

namespace RlSpec.Generators
{
    /// <summary>
    /// The generator's data files: the project's .csv AdditionalFiles (the generator may not read the disk, RS1035).
    /// A path written in a model is resolved against the .rlspec file's full path and matched with the additional
    /// files' full paths (ordinal, then ignoring case for Windows projects).
    /// </summary>
    internal sealed class AdditionalDataFiles : IDataFileProvider
    {
        private readonly SpecFile _spec;
        private readonly EquatableArray<SpecText> _files;

        public AdditionalDataFiles(SpecFile spec, EquatableArray<SpecText> files)
        {
            _spec = spec;
            _files = files;
        }

        private SpecText? Find(string path)
        {
            var full = DataFilePaths.Resolve(_spec.Path, path);
            return _files.FirstOrDefault(f => string.Equals(DataFilePaths.Normalize(f.Path), full, StringComparison.Ordinal))
                ?? _files.FirstOrDefault(f => string.Equals(DataFilePaths.Normalize(f.Path), full, StringComparison.OrdinalIgnoreCase));
        }

        public long? Length(string path) => Find(path)?.Text.Length;

        public string Read(string path, CancellationToken cancellationToken) => Find(path)!.Text;

        public string HowToProvide(string path)
        {
            // The project-relative path, as an MSBuild item names it.
            var item = DataFilePaths.Resolve(_spec.SourcePath, path).TrimStart('/');
            return $"the source generator reads data files from the project's AdditionalFiles; add <ItemGroup><AdditionalFiles Include=\"{item}\" /></ItemGroup> to the project file (the path in csv(...) is relative to the .rlspec file)";
        }
    }
}
