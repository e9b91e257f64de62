using System.Threading;

namespace RlSpec.Compiler.Data
{
    /// <summary>
    /// How a host gives the compiler the data files a model reads (<c>let A = csv("data/a.csv")</c>). The compiler
    /// itself does no file IO (the source generator may not: RS1035), so each host passes its own provider: the
    /// command line reads the disk relative to the .rlspec file, the generator serves the project's AdditionalFiles.
    /// A path is always as written in the model, relative to the folder of the .rlspec file.
    /// </summary>
    public interface IDataFileProvider
    {
        /// <summary>The file's size in characters or bytes (to refuse an absurd file before reading it), or null when there is no such file.</summary>
        long? Length(string path);

        /// <summary>The file's text; called only after <see cref="Length"/> found it.</summary>
        string Read(string path, CancellationToken cancellationToken);

        /// <summary>The fix-it of a missing file (RLS0930): where the host looked and how to make the file available.</summary>
        string HowToProvide(string path);
    }
}
