using System.Text;

namespace Lingjing.Server.Tests.World;

/// <summary>Small glTF 2.0 binaries for building-model tests.</summary>
public static class TestGlb
{
    /// <summary>A GLB holding one mesh: a single upright triangle <paramref name="size"/> metres across.</summary>
    public static byte[] Triangle(float size = 10)
    {
        float[] positions = [0, 0, 0, size, 0, 0, 0, size, 0];
        var bin = new byte[positions.Length * 4];
        Buffer.BlockCopy(positions, 0, bin, 0, bin.Length);
        var json = $$$"""
            {"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
             "meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
             "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[{{{size}}},{{{size}}},0]}],
             "bufferViews":[{"buffer":0,"byteLength":{{{bin.Length}}}}],"buffers":[{"byteLength":{{{bin.Length}}}}]}
            """;
        return Glb(Encoding.UTF8.GetBytes(json), bin);
    }

    /// <summary>A GLB whose image points at an address (or any uri) instead of being inside the file.</summary>
    public static byte[] Referring(string uri) => Glb(Encoding.UTF8.GetBytes(
        $$"""{"asset":{"version":"2.0"},"images":[{"uri":"{{uri}}"}],"buffers":[]}"""), []);

    /// <summary>Header, JSON chunk (padded with spaces) and BIN chunk (padded with zeros).</summary>
    public static byte[] Glb(byte[] json, byte[] bin)
    {
        var jsonPadded = Pad(json, (byte)' ');
        var binPadded = Pad(bin, 0);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(0x46546C67u);
        writer.Write(2u);
        writer.Write((uint)(12 + 8 + jsonPadded.Length + (bin.Length > 0 ? 8 + binPadded.Length : 0)));
        writer.Write((uint)jsonPadded.Length);
        writer.Write(0x4E4F534Au);
        writer.Write(jsonPadded);
        if (bin.Length > 0)
        {
            writer.Write((uint)binPadded.Length);
            writer.Write(0x004E4942u);
            writer.Write(binPadded);
        }
        writer.Flush();
        return stream.ToArray();
    }

    private static byte[] Pad(byte[] bytes, byte with)
    {
        var padded = new byte[(bytes.Length + 3) / 4 * 4];
        bytes.CopyTo(padded, 0);
        for (var i = bytes.Length; i < padded.Length; i++) padded[i] = with;
        return padded;
    }
}
