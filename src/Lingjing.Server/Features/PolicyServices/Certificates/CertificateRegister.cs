using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.PolicyServices.Certificates;

/// <summary>The certificates issued: an enterprise's own, and one by id for its holder or the government.</summary>
public sealed class CertificateRegister(LingjingDbContext db)
{
    public async Task<List<CertificateView>> OfEnterpriseAsync(int enterpriseId, CancellationToken ct) =>
        (await (from c in db.Set<Certificate>().AsNoTracking()
                join m in db.Set<Matter>() on c.MatterId equals m.Id
                where c.EnterpriseId == enterpriseId
                orderby c.IssuedAt descending
                select new { c, m }).ToListAsync(ct)).Select(x => CertificateView.Of(x.c, x.m)).ToList();

    /// <summary>The certificate, if <paramref name="enterpriseId"/> holds it or <paramref name="government"/> asks.</summary>
    public async Task<CertificateView?> FindAsync(Guid id, int? enterpriseId, bool government, CancellationToken ct)
    {
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null || !(government || certificate.EnterpriseId == enterpriseId)) return null;
        return CertificateView.Of(certificate, await db.Set<Matter>().AsNoTracking().FirstAsync(m => m.Id == certificate.MatterId, ct));
    }
}
