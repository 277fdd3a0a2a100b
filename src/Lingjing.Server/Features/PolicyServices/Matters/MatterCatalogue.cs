using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.PolicyServices.Matters;

/// <summary>The public catalogue of matters: by category, searchable in both languages.</summary>
public sealed class MatterCatalogue(LingjingDbContext db)
{
    public async Task<List<MatterView>> ListAsync(string? category, string? q, CancellationToken ct)
    {
        var matters = db.Set<Matter>().AsNoTracking().Where(m => m.Published);
        if (!string.IsNullOrWhiteSpace(category)) matters = matters.Where(m => m.Category == category);
        if (!string.IsNullOrWhiteSpace(q)) matters = matters.WhereAnyContains(q, m => m.TitleZh, m => m.TitleEn, m => m.Code, m => m.DepartmentZh, m => m.DepartmentEn);
        return (await matters.OrderBy(m => m.Category).ThenBy(m => m.Code).ToListAsync(ct)).Select(MatterView.Of).ToList();
    }

    public async Task<MatterView?> FindAsync(int id, CancellationToken ct) =>
        await db.Set<Matter>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Published, ct) is { } matter ? MatterView.Of(matter) : null;
}

/// <param name="LegalDays">The legal time limit in working days from submission.</param>
/// <param name="CertificateTitleZh">The certificate an approval issues, or null.</param>
/// <param name="Published">In the public catalogue (the government sees the others too).</param>
public sealed record MatterView(
    int Id, string Code, string Category, string TitleZh, string TitleEn, string DepartmentZh, string DepartmentEn,
    string ConditionsZh, string ConditionsEn, IReadOnlyList<MatterRequirement> Materials, IReadOnlyList<MatterField> Form, int LegalDays,
    string? CertificateTitleZh, string? CertificateTitleEn, int? CertificateValidYears, bool Published)
{
    public static MatterView Of(Matter m) => new(m.Id, m.Code, m.Category, m.TitleZh, m.TitleEn, m.DepartmentZh, m.DepartmentEn,
        m.ConditionsZh, m.ConditionsEn, m.Requirements(), m.Fields(), m.LegalDays, m.CertificateTitleZh, m.CertificateTitleEn, m.CertificateValidYears, m.Published);
}
