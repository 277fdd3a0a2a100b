using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Agreements: the need's enterprise proposes one to a partner (an enterprise or a service institution) who can
/// see the need; the partner confirms (the need becomes agreed) or declines; each side rates a confirmed agreement once.
/// An agreement is seen by its two sides, the operators of their parks and the government; to anyone else it does not
/// exist.</summary>
public sealed class AgreementService(LingjingDbContext db, NeedService needs, TimeProvider time, CacheEviction eviction)
{
    public const int MaxPageSize = 100;

    public async Task<ResultPage<AgreementView>> ListAsync(Collaborator reader, int page, int pageSize, CancellationToken ct)
    {
        var (total, ids) = await PageReader.PageAsync(Visible(reader).OrderByDescending(a => a.ProposedAt).ThenByDescending(a => a.Id).Select(a => a.Id), page, pageSize, ct);
        return new ResultPage<AgreementView>(await ViewsAsync(ids, ct), total, page, pageSize);
    }

    public async Task<AgreementView?> FindAsync(Collaborator reader, int id, CancellationToken ct) =>
        await Visible(reader).AnyAsync(a => a.Id == id, ct) ? (await ViewsAsync([id], ct)).Single() : null;

    public async Task<Outcome<AgreementView>> ProposeAsync(Collaborator client, int needId, AgreementProposal proposal, CancellationToken ct)
    {
        var need = client.EnterpriseId is { } own ? await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == needId && n.EnterpriseId == own, ct) : null;
        if (need is null) return Failure.NotFound("There is no need with id {0}.", needId);
        if (NeedStatus.IsFinal(need.Status)) return Failure.Conflict("This need is {0}: it can no longer be changed.", NeedStatus.Words(need.Status)) with { Code = "need.final" };
        var errors = proposal.Validate();
        var partner = proposal.Partner;
        if (errors.IsEmpty && !await PartnerMaySeeAsync(need, partner, ct))
            errors.Add(partner.EnterpriseId is null ? AgreementProposal.PartnerInstitutionField : AgreementProposal.PartnerField,
                "Choose another enterprise or institution that can see this need.");
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (await db.Set<Agreement>().AnyAsync(a => a.NeedId == needId && a.PartnerEnterpriseId == partner.EnterpriseId
                && a.PartnerInstitutionId == partner.InstitutionId && a.Status != AgreementStatus.Declined, ct))
            return Failure.Conflict("An agreement with this partner on this need is already proposed or confirmed.") with { Code = "agreement.exists" };
        var agreement = new Agreement
        {
            NeedId = needId, ClientEnterpriseId = need.EnterpriseId, PartnerEnterpriseId = partner.EnterpriseId,
            PartnerInstitutionId = partner.InstitutionId, What = proposal.What!.Trim(),
            AmountBand = proposal.AmountBand!, StartsOn = proposal.StartsOn!.Value, EndsOn = proposal.EndsOn,
            ProposedBy = client.UserId, ProposedByName = client.Name, ProposedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(agreement);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([agreement.Id], ct)).Single();
    }

    /// <summary>The partner confirms: the agreement holds, and its need becomes agreed (unless already final).</summary>
    public async Task<Outcome<AgreementView>> ConfirmAsync(Collaborator partner, int id, CancellationToken ct)
    {
        if (await DecideAsync(partner, id, AgreementStatus.Confirmed, ct) is { } failure) return failure;
        var agreement = await db.Set<Agreement>().AsNoTracking().SingleAsync(a => a.Id == id, ct);
        var need = await db.Set<Need>().AsNoTracking().SingleAsync(n => n.Id == agreement.NeedId, ct);
        if (!NeedStatus.IsFinal(need.Status))
        {
            // The need moves on the client's behalf; its history names the partner's person who confirmed.
            var onBehalf = new Collaborator(partner.UserId, partner.Name, agreement.ClientEnterpriseId, null, false);
            if (need.Status == NeedStatus.Open) await needs.MoveAsync(onBehalf, need.Id, new NeedMove(NeedStatus.InTalks, null), ct);
            await needs.MoveAsync(onBehalf, need.Id, new NeedMove(NeedStatus.Agreed, agreement.What), ct);
        }
        return (await ViewsAsync([id], ct)).Single();
    }

    public async Task<Outcome<AgreementView>> DeclineAsync(Collaborator partner, int id, CancellationToken ct) =>
        await DecideAsync(partner, id, AgreementStatus.Declined, ct) is { } failure ? failure : (await ViewsAsync([id], ct)).Single();

    public async Task<Outcome<AgreementView>> RateAsync(Collaborator rater, int id, AgreementRatingInput input, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var side = agreement is null ? null : SideOf(agreement, rater.Party);
        if (side is null) return NoAgreement(id);
        if (agreement!.Status != AgreementStatus.Confirmed) return Failure.Conflict("Only a confirmed agreement can be rated.") with { Code = "agreement.not-confirmed" };
        var errors = input.Validate();
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var rated = side == AgreementSides.Client ? agreement.Partner : Party.Enterprise(agreement.ClientEnterpriseId);
        db.Add(new AgreementRating
        {
            Id = Guid.NewGuid(), AgreementId = id, Side = side, RatedEnterpriseId = rated.EnterpriseId, RatedInstitutionId = rated.InstitutionId,
            Stars = input.Stars!.Value, Comment = input.Comment?.Trim() ?? "", RatedBy = rater.UserId, At = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on (agreement, rater) refused a second rating of the same side, however concurrent.
            db.ChangeTracker.Clear();
            return Failure.Conflict("Your side has already rated this agreement.") with { Code = "agreement.rated" };
        }
        return (await ViewsAsync([id], ct)).Single();
    }

    /// <summary>Moves a proposed agreement of the partner's to confirmed or declined, once, however many decide at once.</summary>
    private async Task<Failure?> DecideAsync(Collaborator partner, int id, string status, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var side = agreement is null ? null : SideOf(agreement, partner.Party);
        if (side is null) return NoAgreement(id);
        if (side != AgreementSides.Partner) return Failure.Forbidden("Only the partner confirms or declines an agreement.");
        var now = time.GetUtcNow().UtcDateTime;
        var decided = await db.Set<Agreement>().Where(a => a.Id == id && a.Status == AgreementStatus.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.DecidedBy, partner.UserId)
                .SetProperty(a => a.DecidedByName, partner.Name).SetProperty(a => a.DecidedAt, now), ct);
        if (decided == 0) return Failure.Conflict("This agreement was already decided.") with { Code = "agreement.decided" };
        await eviction.TablesChangedAsync(["collaboration_agreements"], ct); // an ExecuteUpdate passes the save's eviction by
        return null;
    }

    /// <summary>Which side of the agreement the party is on, or null when it is on neither.</summary>
    private static string? SideOf(Agreement agreement, Party? party) =>
        party is not { } p ? null
        : p.EnterpriseId == agreement.ClientEnterpriseId ? AgreementSides.Client
        : p == agreement.Partner ? AgreementSides.Partner
        : null;

    /// <summary>Whether the need is shown to the partner: an enterprise by the need's visibility; an institution when
    /// the need is for the whole zone or for the institution's park (only enterprises are invited).</summary>
    private async Task<bool> PartnerMaySeeAsync(Need need, Party partner, CancellationToken ct)
    {
        if (partner.EnterpriseId is { } enterprise)
        {
            if (enterprise == need.EnterpriseId) return false;
            var park = await db.Set<Enterprise>().Where(e => e.Id == enterprise).Select(e => (int?)e.ParkId).FirstOrDefaultAsync(ct);
            return park is { } p && need.Visibility switch
            {
                Visibilities.Parks => need.VisibleParkIds.Contains(p),
                Visibilities.Invited => need.InvitedEnterpriseIds.Contains(enterprise),
                _ => true,
            };
        }
        var institution = await db.Set<Institution>().Where(i => i.Id == partner.InstitutionId).Select(i => new { i.ParkId }).FirstOrDefaultAsync(ct);
        return institution is not null && need.Visibility switch
        {
            Visibilities.Zone => true,
            Visibilities.Parks => institution.ParkId is { } p && need.VisibleParkIds.Contains(p),
            _ => false,
        };
    }

    private IQueryable<Agreement> Visible(Collaborator reader)
    {
        var all = db.Set<Agreement>().AsNoTracking();
        if (reader.Government) return all;
        if (reader.OperatedParkId is { } park)
        {
            var enterprises = db.Set<Enterprise>().Where(e => e.ParkId == park).Select(e => (int?)e.Id);
            var institutions = db.Set<Institution>().Where(i => i.ParkId == park).Select(i => (int?)i.Id);
            return all.Where(a => enterprises.Contains(a.ClientEnterpriseId) || enterprises.Contains(a.PartnerEnterpriseId) || institutions.Contains(a.PartnerInstitutionId));
        }
        if (reader.EnterpriseId is { } own) return all.Where(a => a.ClientEnterpriseId == own || a.PartnerEnterpriseId == own);
        if (reader.InstitutionId is { } institution) return all.Where(a => a.PartnerInstitutionId == institution);
        return all.Where(_ => false);
    }

    private async Task<IReadOnlyList<AgreementView>> ViewsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = await (from a in db.Set<Agreement>().AsNoTracking()
                          join n in db.Set<Need>() on a.NeedId equals n.Id
                          join c in db.Set<Enterprise>() on a.ClientEnterpriseId equals c.Id
                          join pe in db.Set<Enterprise>() on a.PartnerEnterpriseId equals pe.Id into partnerEnterprises
                          from pe in partnerEnterprises.DefaultIfEmpty()
                          join pi in db.Set<Institution>() on a.PartnerInstitutionId equals pi.Id into partnerInstitutions
                          from pi in partnerInstitutions.DefaultIfEmpty()
                          where ids.Contains(a.Id)
                          select new
                          {
                              Agreement = a, n.Title, ClientZh = c.NameZh, ClientEn = c.NameEn,
                              PartnerZh = pe != null ? pe.NameZh : pi!.NameZh, PartnerEn = pe != null ? pe.NameEn : pi!.NameEn,
                          })
            .ToListAsync(ct);
        var ratings = (await db.Set<AgreementRating>().AsNoTracking().Where(r => ids.Contains(r.AgreementId)).OrderBy(r => r.At).ToListAsync(ct))
            .ToLookup(r => r.AgreementId);
        var byId = rows.ToDictionary(r => r.Agreement.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            var a = r.Agreement;
            return new AgreementView(a.Id, a.NeedId, r.Title, a.ClientEnterpriseId, r.ClientZh, r.ClientEn, a.Partner.Kind, a.PartnerEnterpriseId,
                a.PartnerInstitutionId, r.PartnerZh, r.PartnerEn, a.What, a.AmountBand, a.StartsOn, a.EndsOn, a.Status, a.ProposedByName,
                a.ProposedAt, a.DecidedByName, a.DecidedAt, [.. ratings[id].Select(x => new RatingView(x.Side, x.Stars, x.Comment, x.At))]);
        })];
    }

    private static Failure NoAgreement(int id) => Failure.NotFound("There is no agreement with id {0}.", id);
}
