using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lingjing.Record;

/// <summary>The first line of an export: the format, the public key to check signatures with, the number of entries.</summary>
public sealed record RecordExportHeader(string Format, string PublicKey, long Entries, DateTimeOffset ExportedAt);

/// <summary>
/// The record as a file (<c>GET /api/v1/record/export</c>): JSON Lines, a <see cref="RecordExportHeader"/> and then
/// one <see cref="RecordEntryLine"/> per line in chain order.
/// </summary>
public static class RecordExport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static async Task WriteAsync(Stream output, RecordExportHeader header, IAsyncEnumerable<RecordEntryLine> entries, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(JsonSerializer.Serialize(header, Json).AsMemory(), ct);
        await foreach (var entry in entries.WithCancellation(ct)) await writer.WriteLineAsync(JsonSerializer.Serialize(entry, Json).AsMemory(), ct);
    }

    /// <summary>Reads an export; a line that is not an entry is an error naming its line number.</summary>
    public static (RecordExportHeader Header, List<RecordEntryLine> Entries) Read(TextReader reader)
    {
        var header = JsonSerializer.Deserialize<RecordExportHeader>(reader.ReadLine() ?? throw new InvalidDataException("The file is empty."), Json)
            ?? throw new InvalidDataException("Line 1 is not a record export's header.");
        if (header.Format != RecordFormat.Name) throw new InvalidDataException($"Line 1: the format is {header.Format}, not {RecordFormat.Name}.");
        var entries = new List<RecordEntryLine>(header.Entries is > 0 and < 50_000_000 ? (int)header.Entries : 0);
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            try
            {
                entries.Add(JsonSerializer.Deserialize<RecordEntryLine>(line, Json) ?? throw new InvalidDataException($"Line {number} is empty."));
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"Line {number} is not an entry: {error.Message}", error);
            }
        }
        return (header, entries);
    }
}
