using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>The CSV reads back (RFC 4180 fields, exact doubles) and the JSON summary has the documented shape.</summary>
public class OutputFormatTests
{
    /// <summary>An RFC 4180 reader written here: quoted fields with doubled quotes, \n line ends.</summary>
    private static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); rows.Add(fields.ToArray()); fields.Clear(); }
            else field.Append(c);
        }
        Assert.Empty(fields);
        return rows;
    }

    private static double Parse(string s) => s switch { "NaN" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => double.Parse(s, CultureInfo.InvariantCulture) };

    [Fact]
    public void The_csv_has_one_row_per_series_point_and_its_numbers_read_back_exactly()
    {
        var spec = ExperimentFixtures.Spec(runs: 7, horizon: 120, checkpoints: Checkpoints.Linear(40));
        var result = ExperimentFixtures.Run(spec, new RunOptions { Threads = 2 });
        var rows = ReadCsv(ExperimentFixtures.Csv(result));
        Assert.Equal(ExperimentCsv.Header.Split(','), rows[0]);
        // 3 algorithms × (4 scalar series × 3 checkpoints + 5 counts series × 3 + 1 error row).
        Assert.Equal(1 + 3 * (4 * 3 + 5 * 3 + 1), rows.Count);
        Assert.All(rows, r => Assert.Equal(23, r.Length));
        var labels = rows.Skip(1).Select(r => r[1]).Distinct().ToArray();
        Assert.Equal(["UCB1", "Round robin, \"uniform\"", "Random α"], labels);

        var layout = result.Layouts[0];
        foreach (var row in rows.Skip(1))
        {
            int a = Array.IndexOf(labels, row[1]);
            Assert.True(StatisticNames.TryParse(row[3], out var statistic));
            var series = layout.Find(statistic, row[4] == "" ? -1 : int.Parse(row[4]))!;
            long t = long.Parse(row[5]);
            int point = statistic == Statistic.Error ? 0 : Array.IndexOf(result.CheckpointSteps, t);
            var aggregate = result.Aggregate(0, a, series, point);
            Assert.Equal("7", row[6]);
            Assert.Equal(aggregate.Summary.Mean, Parse(row[7]));
            Assert.Equal(aggregate.Summary.CiHigh, Parse(row[10]));
            Assert.Equal(aggregate.Summary.Quantiles[8], Parse(row[19]));
            if (a == 0) Assert.Equal(["", "", ""], row[20..]);
            else Assert.Equal(aggregate.Difference!.CiLow, Parse(row[21]));
        }
        Assert.Single(rows, r => r[0] == "ucb1" && r[3] == "error" && r[5] == "120");
    }

    [Fact]
    public void The_json_summary_has_the_documented_members()
    {
        var spec = ExperimentFixtures.Spec(runs: 7, horizon: 120, checkpoints: Checkpoints.Linear(40));
        var result = ExperimentFixtures.Run(spec, new RunOptions { Threads = 2 });
        using var doc = JsonDocument.Parse(ExperimentFixtures.Json(result));
        var root = doc.RootElement;
        Assert.Equal(ExperimentJson.Format, root.GetProperty("format").GetString());
        Assert.Equal("Compare", root.GetProperty("experiment").GetString());
        Assert.Equal("Bernoulli5", root.GetProperty("model").GetString());
        Assert.Equal("5", root.GetProperty("parameters").GetProperty("K").GetString());
        Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(7, root.GetProperty("runs").GetInt32());
        Assert.False(root.GetProperty("partial").GetBoolean());
        Assert.Equal("linear", root.GetProperty("checkpoints").GetProperty("kind").GetString());
        Assert.Equal(3, root.GetProperty("checkpoints").GetProperty("points").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("sweep").ValueKind);
        Assert.Equal("student_t", root.GetProperty("statistics").GetProperty("interval").GetString());
        Assert.Equal("1", root.GetProperty("algorithms")[2].GetProperty("parameters").GetProperty("p").GetString());
        var sweep = Assert.Single(root.GetProperty("results").EnumerateArray());
        Assert.Equal(7, sweep.GetProperty("runs_completed").GetInt32());
        var random = sweep.GetProperty("algorithms")[2];
        Assert.Equal("Random α", random.GetProperty("label").GetString());
        var regret = random.GetProperty("final").GetProperty("regret");
        var series = result.Layouts[0].Find(Statistic.Regret)!;
        var aggregate = result.Aggregate(0, 2, series, 2);
        Assert.Equal(aggregate.Summary.Mean, regret.GetProperty("mean").GetDouble());
        Assert.Equal(aggregate.Summary.Quantiles[4], regret.GetProperty("quantiles").GetProperty("q50").GetDouble());
        Assert.Equal(7, regret.GetProperty("histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64()));
        Assert.Equal(aggregate.Difference!.Mean, regret.GetProperty("difference_to_first").GetProperty("mean").GetDouble());
        Assert.Equal(5, random.GetProperty("final").GetProperty("counts").GetArrayLength());
        Assert.Equal(4, random.GetProperty("final").GetProperty("counts")[4].GetProperty("arm").GetInt32());
        Assert.Equal(JsonValueKind.Null, sweep.GetProperty("algorithms")[0].GetProperty("final").GetProperty("regret").GetProperty("difference_to_first").ValueKind);
        Assert.True(root.GetProperty("wall_time_seconds").GetDouble() >= 0);
    }

    [Fact]
    public void The_summary_table_lists_each_algorithm_with_its_final_values()
    {
        var result = ExperimentFixtures.Run(ExperimentFixtures.Spec(runs: 7, horizon: 120), new RunOptions { Threads = 2 });
        var writer = new StringWriter();
        SummaryTable.Write(result, writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("experiment Compare on Bernoulli5: 7 runs, horizon 120, seed 42", lines[0]);
        Assert.Contains("Δ regret vs UCB1 (95% CI)", lines[1]);
        var series = result.Layouts[0].Find(Statistic.Regret)!;
        string mean = result.Aggregate(0, 1, series, series.Points - 1).Summary.Mean.ToString("G5", CultureInfo.InvariantCulture);
        Assert.Contains(mean + " ± ", lines[3]);
        Assert.StartsWith("Round robin", lines[3]);
        Assert.Contains("(reference)", lines[2]);
    }
}
