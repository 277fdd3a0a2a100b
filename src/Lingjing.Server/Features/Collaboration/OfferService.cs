using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Offers: what enterprises and service institutions offer to do for others. Every signed-in reader sees the
/// active ones; an enterprise or institution also sees its own withdrawn ones.</summary>
public sealed class OfferService(LingjingDbContext db, TimeProvider time, PublishQuota quota)
{
    public const int MaxPageSize = 100;

    public async Task<ResultPage<OfferView>> ListAsync(Collaborator reader, OfferQuery query, int page, int pageSize, CancellationToken ct)
    {
        var rows = Visible(reader);
        if (query.Mine)
        {
            var own = reader.Party ?? default;
            rows = rows.Where(r => (own.EnterpriseId != null && r.Offer.EnterpriseId == own.EnterpriseId) || (own.InstitutionId != null && r.Offer.InstitutionId == own.InstitutionId));
        }
        if (query.EnterpriseId is { } enterprise) rows = rows.Where(r => r.Offer.EnterpriseId == enterprise);
        if (query.InstitutionId is { } institution) rows = rows.Where(r => r.Offer.InstitutionId == institution);
        if (query.Segment is { } segment) rows = rows.Where(r => r.Offer.Segment == segment);
        if (query.Kind is { } kind) rows = rows.Where(r => r.Offer.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Q)) rows = rows.Where(TextMatch.AnyContains<OfferRow>(query.Q, r => r.Offer.Title, r => r.Offer.Description));
        var (total, found) = await PageReader.PageAsync(rows.OrderByDescending(r => r.Offer.UpdatedAt).ThenByDescending(r => r.Offer.Id), page, pageSize, ct);
        return new ResultPage<OfferView>([.. found.Select(r => View(r, reader))], total, page, pageSize);
    }

    public async Task<OfferView?> FindAsync(Collaborator reader, int id, CancellationToken ct) =>
        await Visible(reader).FirstOrDefaultAsync(r => r.Offer.Id == id, ct) is { } row ? View(row, reader) : null;

    public async Task<Outcome<OfferView>> PublishAsync(Collaborator author, OfferInput input, CancellationToken ct)
    {
        var owner = author.Party ?? throw new InvalidOperationException("Only a person of an enterprise or an institution publishes offers.");
        var errors = input.Validate();
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (await quota.CheckAsync(owner, ct) is { } tooMany) return tooMany;
        var now = time.GetUtcNow().UtcDateTime;
        var offer = new Offer
        {
            EnterpriseId = owner.EnterpriseId, InstitutionId = owner.InstitutionId, Kind = "", Title = "", Segment = "",
            CreatedBy = author.UserId, CreatedAt = now,
        };
        Apply(offer, input, now);
        db.Add(offer);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(author, offer.Id, ct))!;
    }

    public async Task<Outcome<OfferView>> EditAsync(Collaborator author, int id, OfferInput input, CancellationToken ct)
    {
        if (await OwnAsync(author, id, ct) is not { } offer) return NoOffer(id);
        if (!offer.Active) return Failure.Conflict("This offer was withdrawn: publish a new one instead.") with { Code = "offer.withdrawn" };
        var errors = input.Validate();
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        Apply(offer, input, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(author, id, ct))!;
    }

    /// <summary>Takes the offer out of lists and matching; withdrawing twice changes nothing.</summary>
    public async Task<Outcome<OfferView>> WithdrawAsync(Collaborator author, int id, CancellationToken ct)
    {
        if (await OwnAsync(author, id, ct) is not { } offer) return NoOffer(id);
        if (offer.Active)
        {
            offer.Active = false;
            offer.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return (await FindAsync(author, id, ct))!;
    }

    private static void Apply(Offer offer, OfferInput input, DateTime now)
    {
        offer.Kind = input.Kind!;
        offer.Title = input.Title!.Trim();
        offer.Description = input.Description?.Trim() ?? "";
        offer.Segment = input.Segment!;
        offer.Tags = CollaborationFields.CleanTags(input.Tags);
        offer.PriceMinYuan = input.PriceMinYuan;
        offer.PriceMaxYuan = input.PriceMaxYuan;
        offer.Examples = OfferInput.CleanExamples(input.Examples);
        offer.UpdatedAt = now;
    }

    private async Task<Offer?> OwnAsync(Collaborator author, int id, CancellationToken ct)
    {
        if (author.Party is not { } own) return null;
        return await db.Set<Offer>().FirstOrDefaultAsync(o => o.Id == id
            && ((own.EnterpriseId != null && o.EnterpriseId == own.EnterpriseId) || (own.InstitutionId != null && o.InstitutionId == own.InstitutionId)), ct);
    }

    private IQueryable<OfferRow> Visible(Collaborator reader)
    {
        var own = reader.Party ?? default;
        return from o in db.Set<Offer>().AsNoTracking()
               join e in db.Set<Enterprise>().AsNoTracking() on o.EnterpriseId equals e.Id into enterprises
               from e in enterprises.DefaultIfEmpty()
               join i in db.Set<Institution>().AsNoTracking() on o.InstitutionId equals i.Id into institutions
               from i in institutions.DefaultIfEmpty()
               where o.Active || (own.EnterpriseId != null && o.EnterpriseId == own.EnterpriseId) || (own.InstitutionId != null && o.InstitutionId == own.InstitutionId)
               select new OfferRow
               {
                   Offer = o,
                   NameZh = e != null ? e.NameZh : i!.NameZh,
                   NameEn = e != null ? e.NameEn : i!.NameEn,
                   ParkId = e != null ? e.ParkId : i!.ParkId,
               };
    }

    private static OfferView View(OfferRow row, Collaborator reader)
    {
        var o = row.Offer;
        return new OfferView(o.Id, o.Owner.Kind, o.EnterpriseId, o.InstitutionId, row.NameZh, row.NameEn, row.ParkId, o.Kind, o.Title,
            o.Description, o.Segment, IndustryChain.Find(o.Segment)?.Stage ?? "", o.Tags, o.PriceMinYuan, o.PriceMaxYuan, o.Examples,
            o.Active, o.CreatedAt, o.UpdatedAt, reader.Party == o.Owner);
    }

    private static Failure NoOffer(int id) => Failure.NotFound("There is no offer with id {0}.", id);

    /// <summary>An offer with the name and park of its enterprise or institution, as the queries read them.</summary>
    internal sealed class OfferRow
    {
        public required Offer Offer { get; init; }
        public required string NameZh { get; init; }
        public required string NameEn { get; init; }
        public int? ParkId { get; init; }
    }
}

/// <summary>The filters of the offers list.</summary>
public sealed record OfferQuery(string? Q, string? Segment, string? Kind, int? EnterpriseId, bool Mine, int? InstitutionId = null);
