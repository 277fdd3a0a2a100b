using System.Text.Json;
using Lingjing.Record;
using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices.Certificates;

/// <summary>
/// The public check of a certificate by its number: it exists; its content still hashes to what was signed; the
/// server's key signed that hash; the decision record holds its issue with the same hash, and that entry itself is
/// intact. Any step that fails names what is wrong; a genuine certificate past its end is reported as expired.
/// </summary>
public sealed class CertificateVerifier(LingjingDbContext db, RecordKey key, TimeProvider time, IOptions<LingjingOptions> options)
{
    public async Task<CertificateCheck> CheckAsync(string? number, CancellationToken ct)
    {
        var wanted = (number ?? "").Trim().ToUpperInvariant();
        if (wanted.Length is 0 or > 64) return CertificateCheck.Failed(CertificateVerdicts.NotFound, wanted);
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == wanted, ct);
        if (certificate is null) return CertificateCheck.Failed(CertificateVerdicts.NotFound, wanted);
        var matter = await db.Set<Matter>().AsNoTracking().FirstAsync(m => m.Id == certificate.MatterId, ct);
        var view = CertificateView.Of(certificate, matter);

        if (CertificateContent.Hash(certificate, matter.Code) != certificate.ContentHash) return new(CertificateVerdicts.Altered, wanted, view, null);
        if (!SignatureHolds(certificate)) return new(CertificateVerdicts.Forged, wanted, view, null);

        var entry = await db.Set<RecordEntry>().AsNoTracking()
            .Where(e => e.Subject == CertificateIssuer.CertificateSubject(certificate.Number) && e.Kind == RecordKinds.CertificateIssued)
            .OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        if (entry is null || RecordedHash(entry) != certificate.ContentHash) return new(CertificateVerdicts.NotRecorded, wanted, view, null);
        if (entry.Seq is not null && RecordFormat.Hash(entry.ToLine()) != entry.Hash) return new(CertificateVerdicts.NotRecorded, wanted, view, null);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).DateTime);
        var verdict = certificate.ValidUntil is { } until && until < today ? CertificateVerdicts.Expired : CertificateVerdicts.Authentic;
        return new(verdict, wanted, view, entry.Seq);
    }

    private bool SignatureHolds(Certificate certificate)
    {
        using var publicKey = key.PublicKey();
        try
        {
            return publicKey.VerifyHash(Convert.FromHexString(certificate.ContentHash), Convert.FromBase64String(certificate.Signature),
                System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? RecordedHash(RecordEntry entry)
    {
        try
        {
            using var body = JsonDocument.Parse(entry.Body);
            return body.RootElement.TryGetProperty("contentHash", out var hash) ? hash.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The outcome of a check: <see cref="Verdict"/> from <see cref="CertificateVerdicts"/>; the certificate as
/// stored (null when there is none); the decision record's entry that holds it, once sealed.</summary>
public sealed record CertificateCheck(string Verdict, string Number, CertificateView? Certificate, long? RecordSeq)
{
    public bool Authentic => Verdict is CertificateVerdicts.Authentic or CertificateVerdicts.Expired;

    public static CertificateCheck Failed(string verdict, string number) => new(verdict, number, null, null);
}

public static class CertificateVerdicts
{
    public const string Authentic = "authentic";
    public const string Expired = "expired";
    public const string NotFound = "not-found";
    public const string Altered = "altered";
    public const string Forged = "forged";
    public const string NotRecorded = "not-recorded";

    /// <summary>What the verification page says (English, localized by the page).</summary>
    public static string Explain(string verdict) => verdict switch
    {
        Authentic => "This certificate is authentic: it was issued by the zone's government as shown, and the decision record holds it.",
        Expired => "This certificate is authentic, but it is no longer valid.",
        NotFound => "No certificate has this number. Check the number on the certificate.",
        Altered => "This certificate's content was changed after it was issued. Do not rely on it.",
        Forged => "This certificate's signature is not the government's. Do not rely on it.",
        _ => "The decision record does not hold this certificate as it reads now. Do not rely on it.",
    };
}

public sealed record CertificateView(
    Guid Id, string Number, string MatterCode, string MatterZh, string MatterEn, int EnterpriseId, string HolderZh, string HolderEn,
    string TitleZh, string TitleEn, DateTime IssuedAt, DateOnly? ValidUntil, string ContentHash)
{
    public static CertificateView Of(Certificate c, Matter m) =>
        new(c.Id, c.Number, m.Code, m.TitleZh, m.TitleEn, c.EnterpriseId, c.HolderZh, c.HolderEn, c.TitleZh, c.TitleEn, c.IssuedAt, c.ValidUntil, c.ContentHash);
}
