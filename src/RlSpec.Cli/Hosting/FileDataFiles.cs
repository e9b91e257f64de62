using System.IO;
using System.Threading;
using RlSpec.Compiler.Data;

namespace RlSpec.Cli.Hosting;

/// <summary>
/// The command line's data files: a path written in a model (<c>csv("data/a.csv")</c>) is read from the disk,
/// relative to the folder of the .rlspec file (an absolute path is kept).
/// </summary>
public sealed class FileDataFiles : IDataFileProvider
{
    private readonly string _folder;

    /// <summary>Files next to <paramref name="specPath"/> (the .rlspec file).</summary>
    public FileDataFiles(string specPath)
    {
        _folder = Path.GetDirectoryName(Path.GetFullPath(specPath)) ?? Directory.GetCurrentDirectory();
    }

    private string Full(string path) => Path.GetFullPath(Path.Combine(_folder, path.Replace('\\', '/')));

    public long? Length(string path)
    {
        var info = new FileInfo(Full(path));
        return info.Exists ? info.Length : null;
    }

    public string Read(string path, CancellationToken cancellationToken) => File.ReadAllText(Full(path));

    public string HowToProvide(string path) =>
        $"looked for {Full(path)}; the path is relative to the folder of the .rlspec file ({_folder})";
}
