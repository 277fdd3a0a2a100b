using System.Security.Cryptography;
using System.Text;

namespace Lingjing.Server.Features.Twins.Devices;

/// <summary>Device tokens: 32 random bytes, URL-safe base64 with a recognisable prefix. Only their
/// SHA-256 is stored: with this much entropy a slow hash adds nothing, and ingest checks one per request.</summary>
public static class DeviceTokens
{
    public const string Prefix = "ljd_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToHexStringLower(hash);
    }
}
