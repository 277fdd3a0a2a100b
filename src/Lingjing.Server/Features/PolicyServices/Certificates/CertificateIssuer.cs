using System.Globalization;
using System.Security.Cryptography;
using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices.Certificates;

/// <summary>Issues the certificate of an approved matter in the approval's own unit of work: the certificate, its
/// signature and its entry in the decision record are stored with the decision or not at all.</summary>
public sealed class CertificateIssuer(RecordKey key, IOptions<LingjingOptions> options)
{
    public Certificate? Issue(LingjingDbContext db, PolicyApplication application, Matter matter, Enterprise holder, Guid? official, DateTimeOffset now)
    {
        if (matter.CertificateTitleZh is null || matter.CertificateTitleEn is null) return null;
        var issuedAt = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, options.Value.ZoneTimeZone).DateTime);
        var certificate = new Certificate
        {
            Id = Guid.NewGuid(),
            Number = NewNumber(matter, today),
            ApplicationId = application.Id,
            MatterId = matter.Id,
            EnterpriseId = holder.Id,
            HolderZh = holder.NameZh,
            HolderEn = holder.NameEn,
            TitleZh = matter.CertificateTitleZh,
            TitleEn = matter.CertificateTitleEn,
            IssuedAt = issuedAt,
            ValidUntil = matter.CertificateValidYears is { } years ? today.AddYears(years) : null,
            ContentHash = "",
            Signature = "",
        };
        certificate.ContentHash = CertificateContent.Hash(certificate, matter.Code);
        certificate.Signature = key.Sign(certificate.ContentHash);
        db.Add(certificate);
        db.Record(now, RecordKinds.CertificateIssued, CertificateSubject(certificate.Number), official, new
        {
            certificate.Number, Matter = matter.Code, Application = application.Id, Holder = holder.Id, certificate.HolderZh, certificate.HolderEn,
            certificate.TitleZh, certificate.TitleEn, ValidUntil = certificate.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            certificate.ContentHash,
        });
        return certificate;
    }

    public static string CertificateSubject(string number) => "certificate:" + number;

    /// <summary>LJ-{matter}-{year}-{8 random hex}: unguessable, so a number alone does not enumerate the register.</summary>
    private static string NewNumber(Matter matter, DateOnly today) =>
        string.Create(CultureInfo.InvariantCulture, $"LJ-{matter.Code}-{today.Year}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}");
}
