using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Lingjing.World.Protocol;

namespace Lingjing.World.Tests.Codec;

public class GoldenVectorTests
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());
    private static readonly MessageDescriptor[] Envelopes = [ClientFrame.Descriptor, ServerFrame.Descriptor];

    [Fact]
    public void Golden_files_hold_exactly_what_the_encoder_writes()
    {
        var dir = GoldenVectors.Directory;
        var vectors = GoldenVectors.Build();
        if (Environment.GetEnvironmentVariable("LINGJING_UPDATE_GOLDEN") == "1") Write(dir, vectors);

        foreach (var vector in vectors)
        {
            File.ReadAllBytes(Path.Combine(dir, vector.Name + ".bin")).ShouldBe(vector.Bytes, vector.Name);
            File.ReadAllText(Path.Combine(dir, vector.Name + ".json")).ShouldBe(Json.Format(vector.Message) + "\n", vector.Name);
        }
        Index(dir).Select(v => v.Name).ShouldBe(vectors.Select(v => v.Name));
    }

    [Fact]
    public void Every_golden_binary_decodes_to_its_json_description_and_reencodes_byte_for_byte()
    {
        var dir = GoldenVectors.Directory;
        var index = Index(dir);
        index.Count.ShouldBeGreaterThan(10);
        foreach (var entry in index)
        {
            var descriptor = Envelopes.Single(d => d.FullName == entry.Message);
            var bytes = File.ReadAllBytes(Path.Combine(dir, entry.Binary));
            var decoded = descriptor.Parser.ParseFrom(bytes);
            var described = JsonParser.Default.Parse(File.ReadAllText(Path.Combine(dir, entry.Json)), descriptor);
            decoded.ShouldBe(described, entry.Name);
            described.ToByteArray().ShouldBe(bytes, entry.Name);
        }
    }

    [Fact]
    public void Engine_snapshot_vector_holds_cells_concatenated_after_the_header()
    {
        var bytes = File.ReadAllBytes(Path.Combine(GoldenVectors.Directory, "server-snapshot-engine.bin"));
        var snapshot = ServerFrame.Parser.ParseFrom(bytes).Snapshot;
        snapshot.Cells.Count.ShouldBe(2);
        snapshot.Cells.SelectMany(c => c.Avatars).Select(a => a.Id).ShouldBe([1u, 2u, 3u], ignoreOrder: true);
        snapshot.Full.ShouldBeFalse();
        snapshot.AckInputSeq.ShouldBe(1u);
    }

    private static void Write(string dir, IReadOnlyList<GoldenVectors.Vector> vectors)
    {
        System.IO.Directory.CreateDirectory(dir);
        var index = new JsonArray();
        foreach (var vector in vectors)
        {
            File.WriteAllBytes(Path.Combine(dir, vector.Name + ".bin"), vector.Bytes);
            File.WriteAllText(Path.Combine(dir, vector.Name + ".json"), Json.Format(vector.Message) + "\n");
            index.Add(new JsonObject
            {
                ["name"] = vector.Name,
                ["message"] = vector.MessageType,
                ["binary"] = vector.Name + ".bin",
                ["json"] = vector.Name + ".json",
                ["description"] = vector.Description,
            });
        }
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path.Combine(dir, "vectors.json"), index.ToJsonString(options) + "\n");
    }

    private static List<IndexEntry> Index(string dir) =>
        JsonSerializer.Deserialize<List<IndexEntry>>(File.ReadAllText(Path.Combine(dir, "vectors.json")),
            CaseInsensitive)!;

    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private sealed record IndexEntry(string Name, string Message, string Binary, string Json, string Description);
}
