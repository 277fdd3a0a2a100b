using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.PolicyServices.Matters;

/// <summary>
/// The government keeps the catalogue: adds matters, changes them, takes them out of the public catalogue
/// (<see cref="Matter.Published"/>). A change applies to applications submitted after it; those already in keep the
/// answers, materials and legal deadline they were submitted with.
/// </summary>
public sealed class MatterEditor(LingjingDbContext db, TimeProvider time)
{
    /// <summary>Every matter, published or not, with how many applications it has and how many are still open.</summary>
    public async Task<List<EditableMatter>> ListAsync(CancellationToken ct)
    {
        var counts = await db.Set<PolicyApplication>().AsNoTracking().Where(a => a.MatterId != null)
            .GroupBy(a => a.MatterId!.Value)
            .Select(g => new { Matter = g.Key, All = g.Count(), Open = g.Count(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview) })
            .ToDictionaryAsync(c => c.Matter, ct);
        var matters = await db.Set<Matter>().AsNoTracking().OrderBy(m => m.Category).ThenBy(m => m.Code).ToListAsync(ct);
        return matters.Select(m => new EditableMatter(MatterView.Of(m), counts.TryGetValue(m.Id, out var c) ? c.All : 0, c?.Open ?? 0, m.UpdatedAt)).ToList();
    }

    public async Task<MatterView?> FindAsync(int id, CancellationToken ct) =>
        await db.Set<Matter>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } matter ? MatterView.Of(matter) : null;

    public async Task<Outcome<MatterView>> CreateAsync(MatterInput input, CancellationToken ct)
    {
        if (await CheckAsync(input, null, ct) is { } failure) return failure;
        var now = time.GetUtcNow().UtcDateTime;
        var matter = new Matter
        {
            Code = "", Category = "", TitleZh = "", TitleEn = "", DepartmentZh = "", DepartmentEn = "", ConditionsZh = "", ConditionsEn = "",
            CreatedAt = now,
        };
        Write(matter, input, now);
        db.Add(matter);
        return await SaveAsync(matter, input, ct);
    }

    public async Task<Outcome<MatterView>> UpdateAsync(int id, MatterInput input, CancellationToken ct)
    {
        var matter = await db.Set<Matter>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (matter is null) return Failure.NotFound("There is no matter with id {0} in the catalogue.", id);
        if (await CheckAsync(input, id, ct) is { } failure) return failure;
        Write(matter, input, time.GetUtcNow().UtcDateTime);
        return await SaveAsync(matter, input, ct);
    }

    private async Task<Failure?> CheckAsync(MatterInput input, int? id, CancellationToken ct)
    {
        var errors = input.Validate();
        var code = input.Code?.Trim();
        if (code is not null && !errors.Has(MatterInput.CodeField.Key) && await CodeTakenAsync(code, id, ct))
            errors.Add(MatterInput.CodeField, "Another matter already has the number {0}.", code);
        return errors.IsEmpty ? null : Failure.Invalid(errors);
    }

    private Task<bool> CodeTakenAsync(string code, int? id, CancellationToken ct) => db.Set<Matter>().AnyAsync(m => m.Code == code && m.Id != id, ct);

    /// <summary>Saved, or the number taken by someone saving at the same moment (the unique index decides).</summary>
    private async Task<Outcome<MatterView>> SaveAsync(Matter matter, MatterInput input, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var errors = new FieldErrors();
            errors.Add(MatterInput.CodeField, "Another matter already has the number {0}.", input.Code!.Trim());
            return Failure.Invalid(errors);
        }
        return MatterView.Of(matter);
    }

    private static void Write(Matter matter, MatterInput input, DateTime now)
    {
        matter.Code = input.Code!.Trim();
        matter.Category = input.Category!;
        matter.TitleZh = input.TitleZh!.Trim();
        matter.TitleEn = input.TitleEn!.Trim();
        matter.DepartmentZh = input.DepartmentZh!.Trim();
        matter.DepartmentEn = input.DepartmentEn!.Trim();
        matter.ConditionsZh = input.ConditionsZh!.Trim();
        matter.ConditionsEn = input.ConditionsEn!.Trim();
        matter.LegalDays = input.LegalDays!.Value;
        matter.Describe(
            (input.Materials ?? []).Select(m => m with { NameZh = m.NameZh.Trim(), NameEn = m.NameEn.Trim() }),
            (input.Form ?? []).Select(f => f with { LabelZh = f.LabelZh.Trim(), LabelEn = f.LabelEn.Trim() }));
        var certificate = !string.IsNullOrWhiteSpace(input.CertificateTitleZh);
        matter.CertificateTitleZh = certificate ? input.CertificateTitleZh!.Trim() : null;
        matter.CertificateTitleEn = certificate ? input.CertificateTitleEn!.Trim() : null;
        matter.CertificateValidYears = certificate ? input.CertificateValidYears : null;
        matter.Published = input.Published;
        matter.UpdatedAt = now;
    }
}

/// <summary>A matter in the government's list: with its applications, all and still open.</summary>
public sealed record EditableMatter(MatterView Matter, int Applications, int OpenApplications, DateTime UpdatedAt);
