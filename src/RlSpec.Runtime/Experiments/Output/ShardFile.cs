using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>
/// A shard's raw per-run values, exactly: the line <c>RLSPEC-SHARD 1</c>, one line of JSON (the header: the
/// experiment's identity, the shard i/n, the partial flag, the shard's runs and which of them completed per
/// sweep value, the wall time), then the values as little-endian IEEE-754 doubles: for each sweep value, for
/// each completed run in ascending order, for each algorithm, the run's block (<see cref="SeriesLayout"/>).
/// </summary>
public static class ShardFile
{
    /// <summary>The file extension.</summary>
    public const string Extension = ".rlshard";

    /// <summary>The first line of every shard file.</summary>
    public const string Magic = "RLSPEC-SHARD 1";

    /// <summary>The header members that must agree between shards of one experiment, in the order they are compared.</summary>
    internal static readonly string[] IdentityMembers =
    [
        "experiment", "model", "seed", "runs", "horizon", "checkpoints", "checkpoint_steps", "record", "instance",
        "parameters", "sweep", "algorithms", "arm_counts", "lai_robbins_constants", "plot", "tool_version", "shard_count", "unit", "facts",
    ];

    /// <summary><c>shard-I-of-N.rlshard</c>.</summary>
    public static string FileName(ShardSpec shard) => $"shard-{shard.Index}-of-{shard.Count}{Extension}";

    /// <summary>Writes a result's raw values (the result of a shard, or of any run, as shard 0/1).</summary>
    public static void Write(ExperimentResult result, Stream stream)
    {
        var spec = result.Spec;
        var shard = result.Shard ?? new ShardSpec(0, 1);
        var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("experiment", spec.Name);
            json.WriteString("model", spec.Model);
            json.WriteNumber("seed", spec.Seed);
            json.WriteNumber("runs", spec.Runs);
            json.WriteNumber("horizon", spec.Horizon);
            var checkpoints = spec.EffectiveCheckpoints;
            json.WriteStartObject("checkpoints");
            json.WriteBoolean("logarithmic", checkpoints.IsLogarithmic);
            json.WriteNumber("value", checkpoints.Value);
            json.WriteEndObject();
            json.WriteStartArray("checkpoint_steps");
            foreach (long t in result.CheckpointSteps) json.WriteNumberValue(t);
            json.WriteEndArray();
            json.WriteStartArray("record");
            foreach (var s in spec.Record) json.WriteStringValue(s.Name());
            json.WriteEndArray();
            json.WriteString("instance", spec.Instance == InstanceMode.Fixed ? "fixed" : "per_run");
            WritePairs(json, "parameters", spec.Parameters);
            if (spec.Sweep is { } sweep)
            {
                json.WriteStartObject("sweep");
                json.WriteString("parameter", sweep.Parameter);
                json.WriteStartArray("values");
                foreach (var v in sweep.Values) json.WriteStringValue(v);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else json.WriteNull("sweep");
            json.WriteStartArray("algorithms");
            foreach (var a in result.Algorithms)
            {
                json.WriteStartObject();
                json.WriteString("name", a.Name);
                json.WriteString("label", a.Label);
                WritePairs(json, "parameters", a.Parameters);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("arm_counts");
            foreach (var layout in result.Layouts) json.WriteNumberValue(layout.ArmCount);
            json.WriteEndArray();
            if (result.Layouts.Count > 0 && result.Layouts[0].MetricNames.Count > 0)
            {
                // The tracked metrics' names (optimization), so a merge rebuilds the same named series.
                json.WriteStartArray("metric_names");
                foreach (var name in result.Layouts[0].MetricNames) json.WriteStringValue(name);
                json.WriteEndArray();
            }
            json.WriteStartArray("lai_robbins_constants");
            foreach (double? c in result.LaiRobbinsConstants)
                if (c is double value) json.WriteNumberValue(value); else json.WriteNullValue();
            json.WriteEndArray();
            json.WriteStartObject("plot");
            json.WriteString("statistic", spec.Plot.Statistic.Name());
            json.WriteBoolean("log_x", spec.Plot.LogX);
            json.WriteBoolean("log_y", spec.Plot.LogY);
            if (spec.Plot.Title is { } title) json.WriteString("title", title); else json.WriteNull("title");
            json.WriteEndObject();
            json.WriteString("unit", spec.Unit);
            json.WriteStartArray("facts");
            foreach (var fact in result.Facts)
            {
                json.WriteStartArray();
                json.WriteStringValue(fact.Name);
                json.WriteNumberValue(fact.Value);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteString("tool_version", result.ToolVersion);
            json.WriteNumber("shard_count", shard.Count);
            json.WriteNumber("shard_index", shard.Index);
            if (result.RunIndex is int r) json.WriteNumber("run_index", r); else json.WriteNull("run_index");
            json.WriteBoolean("partial", result.Partial);
            json.WriteNumber("wall_time_seconds", result.WallTime.TotalSeconds);
            json.WriteStartArray("shard_runs");
            foreach (int run in result.Runs) json.WriteNumberValue(run);
            json.WriteEndArray();
            json.WriteStartArray("completed");
            long values = 0;
            for (int s = 0; s < result.SweepCount; s++)
            {
                json.WriteStartArray();
                for (int p = 0; p < result.Runs.Count; p++)
                    if (result.IsCompleted(s, p)) { json.WriteNumberValue(result.Runs[p]); values += (long)result.Algorithms.Count * result.Layouts[s].BlockSize; }
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumber("value_count", values);
            json.WriteEndObject();
        }
        stream.Write(Encoding.ASCII.GetBytes(Magic + "\n"));
        stream.Write(header.GetBuffer().AsSpan(0, (int)header.Length));
        stream.WriteByte((byte)'\n');

        var buffer = new byte[8 * 4096];
        for (int s = 0; s < result.SweepCount; s++)
        {
            double[] raw = result.RawValues(s);
            int stride = result.Algorithms.Count * result.Layouts[s].BlockSize;
            for (int p = 0; p < result.Runs.Count; p++)
            {
                if (!result.IsCompleted(s, p)) continue;
                var block = raw.AsSpan((int)((long)p * stride), stride);
                while (block.Length > 0)
                {
                    int n = Math.Min(block.Length, 4096);
                    for (int i = 0; i < n; i++) BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(8 * i), block[i]);
                    stream.Write(buffer, 0, 8 * n);
                    block = block[n..];
                }
            }
        }
        stream.Flush();
    }

    /// <summary>A shard file's header (parsed JSON) and its values, as a result with <see cref="ExperimentResult.Shard"/> set.</summary>
    internal sealed record Contents(JsonElement Header, ExperimentResult Result);

    /// <summary>Reads a shard file; <paramref name="name"/> names it in messages.</summary>
    /// <exception cref="ExperimentException">RLS0714: not a shard file, or truncated.</exception>
    public static ExperimentResult Read(Stream stream, string name) => ReadContents(stream, name).Result;

    internal static Contents ReadContents(Stream stream, string name)
    {
        try
        {
            string magic = Encoding.ASCII.GetString(ReadLine(stream, 64, name));
            if (magic != Magic) throw Unreadable(name, $"it does not start with '{Magic}'; it is not a shard file written by rlspec run --shard");
            var headerBytes = ReadLine(stream, 1 << 30, name);
            using var document = JsonDocument.Parse(headerBytes);
            var h = document.RootElement.Clone();
            var result = Build(h, stream, name);
            return new Contents(h, result);
        }
        catch (EndOfStreamException)
        {
            throw Unreadable(name, "it is truncated (it ends before all the values its header lists); the run that wrote it was killed, or the copy is incomplete");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw Unreadable(name, $"its header is damaged ({ex.Message})");
        }
    }

    private static ExperimentResult Build(JsonElement h, Stream stream, string name)
    {
        var checkpointsElement = h.GetProperty("checkpoints");
        var checkpoints = checkpointsElement.GetProperty("logarithmic").GetBoolean()
            ? Checkpoints.Logarithmic((int)checkpointsElement.GetProperty("value").GetInt64())
            : Checkpoints.Linear(checkpointsElement.GetProperty("value").GetInt64());
        var record = h.GetProperty("record").EnumerateArray().Select(e =>
            StatisticNames.TryParse(e.GetString()!, out var st) ? st : throw new FormatException($"unknown statistic '{e.GetString()}'")).ToArray();
        var plot = h.GetProperty("plot");
        StatisticNames.TryParse(plot.GetProperty("statistic").GetString()!, out var plotStatistic);
        ExperimentSweep? sweep = null;
        if (h.GetProperty("sweep").ValueKind == JsonValueKind.Object)
        {
            var sw = h.GetProperty("sweep");
            sweep = new ExperimentSweep(sw.GetProperty("parameter").GetString()!, sw.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToArray());
        }
        var spec = new ExperimentSpec
        {
            Name = h.GetProperty("experiment").GetString()!,
            Model = h.GetProperty("model").GetString()!,
            Seed = h.GetProperty("seed").GetUInt64(),
            Runs = h.GetProperty("runs").GetInt32(),
            Horizon = h.GetProperty("horizon").GetInt64(),
            Checkpoints = checkpoints,
            Record = record,
            Instance = h.GetProperty("instance").GetString() == "per_run" ? InstanceMode.PerRun : InstanceMode.Fixed,
            Parameters = ReadPairs(h.GetProperty("parameters")),
            Sweep = sweep,
            Unit = h.GetProperty("unit").GetString()!,
            Plot = new PlotOptions
            {
                Statistic = plotStatistic,
                LogX = plot.GetProperty("log_x").GetBoolean(),
                LogY = plot.GetProperty("log_y").GetBoolean(),
                Title = plot.GetProperty("title").GetString(),
            },
        };
        var algorithms = h.GetProperty("algorithms").EnumerateArray()
            .Select(a => new AlgorithmInfo(a.GetProperty("name").GetString()!, a.GetProperty("label").GetString()!, ReadPairs(a.GetProperty("parameters")))).ToArray();
        long[] steps = h.GetProperty("checkpoint_steps").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        if (!steps.SequenceEqual(checkpoints.Steps(spec.Horizon))) throw new FormatException("its checkpoint steps do not match its checkpoint setting");
        string[]? metricNames = h.TryGetProperty("metric_names", out var names) ? names.EnumerateArray().Select(e => e.GetString()!).ToArray() : null;
        var layouts = h.GetProperty("arm_counts").EnumerateArray().Select(e => new SeriesLayout(record, e.GetInt32(), steps.Length, metricNames)).ToArray();
        if (layouts.Length != spec.SweepCount) throw new FormatException("its arm counts do not match its sweep");
        var laiRobbins = h.GetProperty("lai_robbins_constants").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : e.GetDouble()).ToArray();
        if (laiRobbins.Length != layouts.Length) throw new FormatException("its Lai-Robbins constants do not match its sweep");
        int[] runs = h.GetProperty("shard_runs").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var position = new Dictionary<int, int>();
        for (int p = 0; p < runs.Length; p++) position[runs[p]] = p;
        var shard = new ShardSpec(h.GetProperty("shard_index").GetInt32(), h.GetProperty("shard_count").GetInt32());
        int? runIndex = h.GetProperty("run_index").ValueKind == JsonValueKind.Number ? h.GetProperty("run_index").GetInt32() : null;

        var values = new double[layouts.Length][];
        var completed = new bool[layouts.Length][];
        var completedLists = h.GetProperty("completed").EnumerateArray().ToArray();
        if (completedLists.Length != layouts.Length) throw new FormatException("its completed runs do not match its sweep");
        var buffer = new byte[8];
        for (int s = 0; s < layouts.Length; s++)
        {
            int stride = algorithms.Length * layouts[s].BlockSize;
            values[s] = new double[(long)runs.Length * stride];
            Array.Fill(values[s], double.NaN);
            completed[s] = new bool[runs.Length];
            foreach (var e in completedLists[s].EnumerateArray())
            {
                if (!position.TryGetValue(e.GetInt32(), out int p) || completed[s][p]) throw new FormatException($"completed run {e.GetInt32()} is not one of its runs");
                completed[s][p] = true;
                var block = values[s].AsSpan((int)((long)p * stride), stride);
                for (int i = 0; i < block.Length; i++)
                {
                    stream.ReadExactly(buffer);
                    block[i] = BinaryPrimitives.ReadDoubleLittleEndian(buffer);
                }
            }
        }
        if (stream.ReadByte() != -1) throw Unreadable(name, "it has more values than its header lists");
        var wall = TimeSpan.FromSeconds(h.GetProperty("wall_time_seconds").GetDouble());
        var facts = h.GetProperty("facts").EnumerateArray().Select(e => new ExperimentFact(e[0].GetString()!, e[1].GetDouble())).ToArray();
        var result = new ExperimentResult(spec, algorithms, steps, layouts, runs, values, completed, shard, runIndex, wall, h.GetProperty("tool_version").GetString()!, laiRobbins, facts);
        if (result.Partial != h.GetProperty("partial").GetBoolean()) throw new FormatException("its partial flag does not match its completed runs");
        return result;
    }

    private static byte[] ReadLine(Stream stream, int limit, string name)
    {
        var bytes = new List<byte>();
        while (true)
        {
            int b = stream.ReadByte();
            if (b == -1) throw Unreadable(name, "it ends inside its header");
            if (b == '\n') return bytes.ToArray();
            if (bytes.Count >= limit) throw Unreadable(name, "its header line is too long; it is not a shard file");
            bytes.Add((byte)b);
        }
    }

    private static void WritePairs(Utf8JsonWriter json, string property, IReadOnlyList<ParameterValue> pairs)
    {
        json.WriteStartArray(property);
        foreach (var p in pairs)
        {
            json.WriteStartArray();
            json.WriteStringValue(p.Name);
            json.WriteStringValue(p.Value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static ParameterValue[] ReadPairs(JsonElement array) =>
        array.EnumerateArray().Select(e => new ParameterValue(e[0].GetString()!, e[1].GetString()!)).ToArray();

    internal static ExperimentException Unreadable(string name, string why) =>
        new(ExperimentErrorIds.UnreadableShard, $"{name}: cannot read the shard: {why}.");
}
