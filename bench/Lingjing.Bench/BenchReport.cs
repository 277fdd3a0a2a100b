using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lingjing.Bench;

/// <summary>Writes the result JSON and regenerates the results table in bench/README.md from every
/// directory-*.json present, between the README's results markers.</summary>
public static class BenchReport
{
    private const string Begin = "<!-- directory-results:begin -->";
    private const string End = "<!-- directory-results:end -->";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(BenchResult result, string resultsDirectory, string readme)
    {
        Directory.CreateDirectory(resultsDirectory);
        var file = Path.Combine(resultsDirectory, $"directory-{result.Database}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, Json) + "\n");
        Console.WriteLine($"Wrote {file}");

        if (!File.Exists(readme)) return;
        var all = Directory.GetFiles(resultsDirectory, "directory-*.json").Order()
            .Select(f => JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(f), Json)!)
            .ToList();
        var table = new StringBuilder();
        table.AppendLine(Begin);
        table.AppendLine("| database | enterprises | first-run seeding | warm start | search p50 | search p95 | search p99 | search req/s | /health/live p95 | p95 ratio | load avg | measured (UTC) |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in all)
            table.AppendLine(CultureInfo.InvariantCulture, $"| {r.Database} | {r.Enterprises:N0} | {r.FirstRunSeedingSeconds:0.0} s | {r.WarmStartSeconds.Order().ElementAt(r.WarmStartSeconds.Count / 2):0.00} s | " +
                $"{r.Search.P50Ms:0.0} ms | {r.Search.P95Ms:0.0} ms | {r.Search.P99Ms:0.0} ms | {r.Search.RequestsPerSecond:0} | {r.Baseline.P95Ms:0.0} ms | " +
                $"{r.SearchToBaselineP95Ratio:0.0}x | {Load(r)} | {r.MeasuredAtUtc:yyyy-MM-dd HH:mm} |");
        table.Append(End);

        var text = await File.ReadAllTextAsync(readme);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var stop = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || stop < start) return;
        await File.WriteAllTextAsync(readme, text[..start] + table + text[(stop + End.Length)..]);
        Console.WriteLine($"Updated the table in {readme}");
    }

    private static string Load(BenchResult r) => string.Join(" / ", r.LoadAverage.Select(l => l.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
}
