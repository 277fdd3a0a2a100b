using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Events.Expo;

/// <summary>Expo halls: the organisers place exhibitors' booths on a hall's floor plan (an event's hall; the permanent
/// demonstration hall for the government and park operators), exhibitors fill their booth, visitors browse the guide,
/// are counted once a day per booth, and leave their card with their consent; exhibitors read their leads.</summary>
public sealed class ExpoService(LingjingDbContext db, TimeProvider time, IOptions<LingjingOptions> options)
{
    public const int MaxText = 200, MaxDescription = 4000, MaxTags = 10, MaxMessage = 500, MaxGrid = 100;
    private static readonly Field EnterpriseField = new("enterpriseId", "Exhibitor");
    private static readonly Field CodeField = new("code", "Booth");
    private static readonly Field CellField = new("row", "Place on the floor plan");

    /// <summary>The hall's booths, by code; <paramref name="q"/> finds words in the exhibitor's name, the booth's title,
    /// description or tags.</summary>
    public async Task<IReadOnlyList<BoothView>> GuideAsync(string hall, string? q, CancellationToken ct)
    {
        var booths = await Views(db.Set<Booth>().AsNoTracking().Where(b => b.Hall == hall)).ToListAsync(ct);
        var words = (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return booths.Where(b => words.All(w => Text(b).Contains(w, StringComparison.OrdinalIgnoreCase))).OrderBy(b => b.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<BoothView?> FindAsync(int boothId, CancellationToken ct) =>
        await Views(db.Set<Booth>().AsNoTracking().Where(b => b.Id == boothId)).FirstOrDefaultAsync(ct);

    /// <summary>Places an exhibitor in an event's hall (its organisers) or in the demonstration hall (the government, or a
    /// park operator for an enterprise of their park).</summary>
    public async Task<Outcome<BoothView>> PlaceAsync(ClaimsPrincipal user, int? eventId, BoothPlacement placement, CancellationToken ct)
    {
        if (eventId is { } id && await Organiser.ManagedEventAsync(db, user, id, ct) is null) return EventService.NoEvent(id);
        var enterprise = placement.EnterpriseId is { } enterpriseId ? await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct) : null;
        if (eventId is null && !(user.IsInRole(Roles.Government) || (user.IsInRole(Roles.ParkOperator) && enterprise is not null && user.ParkId() == enterprise.ParkId)))
            return Failure.Forbidden("The government, and park operators for the enterprises of their park, place showcases in the demonstration hall.");
        var errors = new FieldErrors();
        if (enterprise is null) errors.Add(EnterpriseField, "Choose an enterprise of the zone.");
        errors.Required(CodeField, placement.Code, 10);
        if (placement.Row is not (>= 0 and < MaxGrid) || placement.Col is not (>= 0 and < MaxGrid))
            errors.Add(CellField, "A row and a column from 0 to {0}.", MaxGrid - 1);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var now = time.GetUtcNow().UtcDateTime;
        var booth = new Booth
        {
            Hall = eventId is { } e ? Halls.Of(e) : Halls.Demonstration, EventId = eventId, EnterpriseId = enterprise!.Id, Code = placement.Code!.Trim().ToUpperInvariant(),
            Row = placement.Row!.Value, Col = placement.Col!.Value, TitleZh = enterprise.NameZh, TitleEn = enterprise.NameEn,
            DescriptionZh = enterprise.DescriptionZh, DescriptionEn = "", Tags = [.. enterprise.Tags.Take(MaxTags)], CreatedAt = now, UpdatedAt = now,
        };
        db.Add(booth);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
        {
            return Failure.Conflict("The hall already has a booth {0}.", booth.Code);
        }
        return (await FindAsync(booth.Id, ct))!;
    }

    /// <summary>The exhibitor's administrators and members fill their booth.</summary>
    public async Task<Outcome<BoothView>> FillAsync(ClaimsPrincipal user, int boothId, BoothContent content, CancellationToken ct)
    {
        var booth = await db.Set<Booth>().FirstOrDefaultAsync(b => b.Id == boothId, ct);
        if (booth is null || !IsExhibitor(user, booth)) return NoBooth(boothId);
        var errors = new FieldErrors();
        errors.Required(new Field("titleZh", "Title (Chinese)"), content.TitleZh, MaxText);
        errors.Required(new Field("titleEn", "Title (English)"), content.TitleEn, MaxText);
        errors.MaxLength(new Field("descriptionZh", "Description (Chinese)"), content.DescriptionZh, MaxDescription, multiline: true);
        errors.MaxLength(new Field("descriptionEn", "Description (English)"), content.DescriptionEn, MaxDescription, multiline: true);
        foreach (var (field, url) in new[] { ("videoUrl", content.VideoUrl), ("modelUrl", content.ModelUrl), ("brochureUrl", content.BrochureUrl) })
            if (!string.IsNullOrWhiteSpace(url) && !IsLink(url))
                errors.Add(new Field(field, field == "videoUrl" ? "Video" : field == "modelUrl" ? "3D model" : "Brochure"),
                    "A path on this site (starting with /) or an https address.");
        if (content.Tags is { Count: > MaxTags }) errors.Add(new Field("tags", "Tags"), "At most {0}.", MaxTags);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        (booth.TitleZh, booth.TitleEn, booth.DescriptionZh, booth.DescriptionEn) =
            (content.TitleZh!.Trim(), content.TitleEn!.Trim(), content.DescriptionZh?.Trim() ?? "", content.DescriptionEn?.Trim() ?? "");
        (booth.VideoUrl, booth.ModelUrl, booth.BrochureUrl) = (Blank(content.VideoUrl), Blank(content.ModelUrl), Blank(content.BrochureUrl));
        booth.Tags = [.. (content.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()];
        booth.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (await FindAsync(boothId, ct))!;
    }

    /// <summary>A signed-in visitor at the booth: counted once a day (the zone's clock), however often they come back.</summary>
    public async Task<Outcome<bool>> VisitAsync(ClaimsPrincipal user, int boothId, CancellationToken ct)
    {
        if (!await db.Set<Booth>().AnyAsync(b => b.Id == boothId, ct)) return NoBooth(boothId);
        var now = time.GetUtcNow();
        var day = TimeZoneInfo.ConvertTime(now, options.Value.ZoneTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        db.Add(new BoothVisit { BoothId = boothId, UserId = user.UserId()!.Value, Day = day, VisitedAt = now.UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
        {
            return false; // here already today
        }
    }

    /// <summary>"Leave my card": the visitor's name, e-mail and enterprise go to the exhibitor, only with their consent.</summary>
    public async Task<Outcome<bool>> LeaveCardAsync(ClaimsPrincipal user, int boothId, CardInput input, CancellationToken ct)
    {
        if (!await db.Set<Booth>().AnyAsync(b => b.Id == boothId, ct)) return NoBooth(boothId);
        if (!input.Consent) return Failure.Invalid("Agree to share your name, e-mail and enterprise with the exhibitor first.");
        var errors = new FieldErrors();
        errors.MaxLength(new Field("message", "Message"), input.Message, MaxMessage, multiline: true);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var me = user.UserId()!.Value;
        var person = await (from u in db.Users
                            join e in db.Set<Enterprise>() on u.EnterpriseId equals e.Id into enterprises
                            from e in enterprises.DefaultIfEmpty()
                            where u.Id == me
                            select new { u.DisplayName, u.Email, Enterprise = e == null ? null : e.NameZh + " " + e.NameEn }).FirstAsync(ct);
        db.Add(new BoothLead
        {
            BoothId = boothId, UserId = me, Name = person.DisplayName, Email = person.Email ?? "", EnterpriseName = person.Enterprise,
            Message = input.Message?.Trim() ?? "", ConsentedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
        {
            return false; // the card is there already
        }
    }

    /// <summary>The booth's visits and the cards left, for the exhibitor's administrators and members.</summary>
    public async Task<Outcome<BoothLeads>> LeadsAsync(ClaimsPrincipal user, int boothId, CancellationToken ct)
    {
        var booth = await db.Set<Booth>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == boothId, ct);
        if (booth is null || !IsExhibitor(user, booth)) return NoBooth(boothId);
        var visits = await db.Set<BoothVisit>().Where(v => v.BoothId == boothId).CountAsync(ct);
        var visitors = await db.Set<BoothVisit>().Where(v => v.BoothId == boothId).Select(v => v.UserId).Distinct().CountAsync(ct);
        var leads = await db.Set<BoothLead>().AsNoTracking().Where(l => l.BoothId == boothId).OrderByDescending(l => l.ConsentedAt).ToListAsync(ct);
        return new BoothLeads(boothId, visits, visitors,
            leads.Select(l => new LeadView(l.Name, l.Email, l.EnterpriseName, l.Message, EventTimes.Utc(l.ConsentedAt))).ToList());
    }

    private IQueryable<BoothView> Views(IQueryable<Booth> booths) =>
        from b in booths
        join e in db.Set<Enterprise>() on b.EnterpriseId equals e.Id
        select new BoothView(b.Id, b.Hall, b.EventId, b.EnterpriseId, e.NameZh, e.NameEn, b.Code, b.Row, b.Col, b.TitleZh, b.TitleEn,
            b.DescriptionZh, b.DescriptionEn, b.VideoUrl, b.ModelUrl, b.BrochureUrl, b.Tags);

    /// <summary>Whether the person exhibits at the booth (its enterprise's administrators and members).</summary>
    public static bool Exhibits(ClaimsPrincipal user, BoothView booth) =>
        (user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember)) && user.EnterpriseId() == booth.EnterpriseId;

    private static bool IsExhibitor(ClaimsPrincipal user, Booth booth) =>
        (user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember)) && user.EnterpriseId() == booth.EnterpriseId;

    private static bool IsLink(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Text(BoothView b) =>
        string.Join(' ', b.EnterpriseZh, b.EnterpriseEn, b.TitleZh, b.TitleEn, b.DescriptionZh, b.DescriptionEn, string.Join(' ', b.Tags), b.Code);

    private static Failure NoBooth(int id) => Failure.NotFound("There is no booth with id {0}.", id);
}
