using Lingjing.Server.Features.EnterpriseFacts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Terminals.Enterprises;

/// <summary>Reads and edits enterprise profiles. Callers decide which enterprise the user may reach
/// (<see cref="EnterpriseAccess"/>); this class only does the data work. Employees and tags decide
/// money: a new value of either is declared to <see cref="EnterpriseFactService"/> and waits for review
/// instead of being saved; the other fields are self-service.</summary>
public sealed class EnterpriseProfileService(LingjingDbContext db, EnterpriseFactService facts, TimeProvider time)
{
    public async Task<EnterpriseProfile?> GetAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        var row = await db.Set<Enterprise>().AsNoTracking()
            .Where(e => e.Id == enterpriseId)
            .Select(e => new { Enterprise = e, ParkNameEn = e.Park!.NameEn, ParkNameZh = e.Park.NameZh })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var e = row.Enterprise;
        var category = EnterpriseCategories.Find(e.Category);
        var declared = await facts.DeclaredAsync(enterpriseId, cancellationToken);
        return new EnterpriseProfile(e.Id, e.CreditCode, e.NameZh, e.NameEn, e.Category, category?.NameEn ?? e.Category,
            category?.NameZh ?? e.Category, e.ParkId, row.ParkNameEn, row.ParkNameZh, e.FoundedOn, e.Employees, e.AboveDesignatedSize,
            e.Tags, e.DescriptionZh, e.DescriptionEn, e.Website, e.ContactEmail, e.ContactPhone, e.LatestRevenueYuan, e.UpdatedAt,
            (await facts.ChangesAsync(enterpriseId, cancellationToken)).Where(c => c.Status == FactChangeStatus.Pending).ToList(),
            declared.Employees, declared.Tags);
    }

    /// <summary>Saves a valid update and refreshes the searchable text, and declares changed employees or
    /// tags for review; returns the errors otherwise.</summary>
    public async Task<FieldErrors> UpdateAsync(int enterpriseId, EnterpriseProfileUpdate update, FactDeclarant declarant, CancellationToken cancellationToken)
    {
        var errors = update.Validate();
        if (!errors.IsEmpty) return errors;
        var e = await db.Set<Enterprise>().FirstOrDefaultAsync(x => x.Id == enterpriseId, cancellationToken)
            ?? throw new InvalidOperationException($"Enterprise {enterpriseId} does not exist.");
        e.NameZh = update.NameZh!.Trim();
        e.NameEn = update.NameEn!.Trim();
        e.DescriptionZh = (update.DescriptionZh ?? "").Trim();
        e.DescriptionEn = (update.DescriptionEn ?? "").Trim();
        e.Website = (update.Website ?? "").Trim();
        e.ContactEmail = (update.ContactEmail ?? "").Trim();
        e.ContactPhone = (update.ContactPhone ?? "").Trim();
        e.SearchText = SearchText.For(e);
        e.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var declared = await facts.DeclareAsync(enterpriseId, declarant, new FactDeclaration(update.Employees, update.CleanTags, null), cancellationToken);
        // Validation above is at least as strict as the declaration's, so this only trips on a real bug.
        if (declared.Failure is { } failure) throw new InvalidOperationException(failure.ToString());
        return errors;
    }
}
