using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace RlSpec.Cli.Hosting;

/// <summary>
/// A cache of compiled models on disk, so that solving a model again (the researcher's edit, solve, look loop,
/// where most solves repeat a model or a parameter setting seen before) skips the C# compiler, which is nearly
/// all of a small model's solve time.
/// </summary>
/// <remarks>
/// <para>
/// The key is the SHA-256 of the emitted C# of every declaration compiled together, with their file names,
/// and of the identity of the tools that made and will load it: the module version ids of the CLI, the
/// compiler library and the runtime, and the versions of the assemblies the CLI references (the C# compiler among
/// them). A rebuilt tool therefore never reads an entry of another build.
/// </para>
/// <para>
/// An entry is one file, <c>&lt;key&gt;.dll.rlc</c>: an 8-byte magic, the payload's length and SHA-256, then the
/// assembly. It is written to a unique temporary file and renamed into place, which is atomic on one file system,
/// so concurrent runs see either no entry or a whole one; two runs that miss at once both compile and both rename
/// the same bytes. An entry whose header, length or checksum does not match (a disk error, a truncated copy, a
/// hand edit) is deleted and compiled again. The cache never fails a command: if the directory cannot be created,
/// read or written, the model is compiled as if there were no cache. The directory holds at most
/// <see cref="MaxEntries"/> entries; the least recently used go first.
/// </para>
/// </remarks>
public sealed class ModelAssemblyCache
{
    /// <summary>The most entries kept; beyond it the least recently used are deleted.</summary>
    public const int MaxEntries = 256;

    /// <summary>Assemblies larger than this are not cached (64 MiB).</summary>
    public const long MaxEntryBytes = 64L << 20;

    private static readonly byte[] Magic = "RLSPECC1"u8.ToArray();
    private const int HeaderBytes = 8 + 8 + 32;
    private const string Extension = ".dll.rlc";

    /// <summary>A cache in <paramref name="directory"/> (created when first written).</summary>
    public ModelAssemblyCache(string directory)
    {
        Directory = directory ?? throw new ArgumentNullException(nameof(directory));
    }

    /// <summary>The directory the entries are in.</summary>
    public string Directory { get; }

    /// <summary>
    /// The user's cache: <c>$RLSPEC_CACHE_DIR</c> when set, else <c>$XDG_CACHE_HOME/rlspec/models</c>, else
    /// <c>~/.cache/rlspec/models</c> (on Windows, the local application data folder); null when none can be found.
    /// </summary>
    public static ModelAssemblyCache? ForUser()
    {
        string? explicitDir = Environment.GetEnvironmentVariable("RLSPEC_CACHE_DIR");
        if (!string.IsNullOrWhiteSpace(explicitDir)) return new ModelAssemblyCache(explicitDir);
        string? root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(root))
        {
            string home = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            if (string.IsNullOrEmpty(home) || home == ".cache") return null;
            root = home;
        }
        return new ModelAssemblyCache(Path.Combine(root, "rlspec", "models"));
    }

    /// <summary>The key of these sources compiled together by this build of the tools (64 hex digits).</summary>
    public static string Key(IEnumerable<(string Name, string Source)> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
        Add(ToolIdentity.Value);
        foreach (var (name, source) in sources)
        {
            Add(name);
            Add(source);
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The identity of the tools: module version ids of the CLI, compiler and runtime, and the CLI's references.</summary>
    private static readonly Lazy<string> ToolIdentity = new(() =>
    {
        var cli = typeof(ModelAssemblyCache).Assembly;
        var parts = new List<string>
        {
            cli.ManifestModule.ModuleVersionId.ToString(),
            typeof(RlSpec.Compiler.RlSpecCompiler).Assembly.ManifestModule.ModuleVersionId.ToString(),
            typeof(RlSpec.Runtime.Mdp.IMdp).Assembly.ManifestModule.ModuleVersionId.ToString(),
        };
        // Read from metadata, so the C# compiler's assemblies are not loaded on a cache hit.
        parts.AddRange(cli.GetReferencedAssemblies().Select(a => a.FullName).OrderBy(n => n, StringComparer.Ordinal));
        return string.Join("\n", parts);
    });

    /// <summary>The assembly stored under <paramref name="key"/>, or null (no entry, or a damaged one, which is deleted).</summary>
    public byte[]? TryGet(string key)
    {
        string path = PathOf(key);
        byte[] file;
        try
        {
            if (!File.Exists(path)) return null;
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var payload = Validate(file);
        if (payload is null)
        {
            TryDelete(path);
            return null;
        }
        // Marks the entry as used, for the least-recently-used pruning.
        try { File.SetLastWriteTimeUtc(path, DateTime.UtcNow); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return payload;
    }

    /// <summary>Stores <paramref name="assembly"/> under <paramref name="key"/>; failures leave the cache as it was.</summary>
    public void Put(string key, byte[] assembly)
    {
        if (assembly.Length > MaxEntryBytes) return;
        string path = PathOf(key);
        string temporary = Path.Combine(Directory, $"{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var file = new byte[HeaderBytes + assembly.Length];
            Magic.CopyTo(file, 0);
            BitConverter.GetBytes((long)assembly.Length).CopyTo(file, 8);
            SHA256.HashData(assembly).CopyTo(file, 16);
            assembly.CopyTo(file, HeaderBytes);
            File.WriteAllBytes(temporary, file);
            File.Move(temporary, path, overwrite: true);
            Prune();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The payload of a well-formed entry, else null.</summary>
    private static byte[]? Validate(byte[] file)
    {
        if (file.Length < HeaderBytes || !file.AsSpan(0, 8).SequenceEqual(Magic)) return null;
        long length = BitConverter.ToInt64(file, 8);
        if (length != file.Length - HeaderBytes) return null;
        var payload = file.AsSpan(HeaderBytes).ToArray();
        return SHA256.HashData(payload).AsSpan().SequenceEqual(file.AsSpan(16, 32)) ? payload : null;
    }

    /// <summary>Deletes the least recently used entries beyond <see cref="MaxEntries"/>, and temporary files older than an hour.</summary>
    private void Prune()
    {
        var directory = new DirectoryInfo(Directory);
        var entries = directory.GetFiles("*" + Extension);
        if (entries.Length > MaxEntries)
            foreach (var old in entries.OrderByDescending(f => f.LastWriteTimeUtc).Skip(MaxEntries)) TryDelete(old.FullName);
        foreach (var stale in directory.GetFiles("*.tmp").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1))) TryDelete(stale.FullName);
    }

    private string PathOf(string key) => Path.Combine(Directory, key + Extension);

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
