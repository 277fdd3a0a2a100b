using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lingjing.Server.Features.PolicyServices.Certificates;

/// <summary>What a certificate's hash covers: each field length-prefixed (so no two contents share a text), in a
/// fixed order, under a format name that changes if the fields ever do.</summary>
public static class CertificateContent
{
    public const string Format = "lingjing-certificate/1";

    public static string Hash(Certificate c, string matterCode)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     Format, c.Number, matterCode, c.EnterpriseId.ToString(CultureInfo.InvariantCulture), c.HolderZh, c.HolderEn, c.TitleZh, c.TitleEn,
                     new DateTimeOffset(DateTime.SpecifyKind(c.IssuedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                     c.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                 })
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
