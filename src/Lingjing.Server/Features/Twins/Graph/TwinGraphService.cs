using System.Text.Json;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>Reads and creates twins and their relationships, within what the caller may see.</summary>
public sealed class TwinGraphService(LingjingDbContext db, TwinModelCatalog models, TimeProvider time)
{
    public const int MaxLimit = 1000;

    public async Task<TwinPage> QueryAsync(TwinQuery query, TwinAccess access, CancellationToken ct)
    {
        var twins = db.Set<Twin>().AsNoTracking();
        if (!access.All) twins = twins.Where(t => t.ParkId == access.ParkId);
        if (query.Model is { } model) twins = twins.Where(t => t.ModelId == model);
        if (query.Under is { } under)
        {
            var path = await db.Set<Twin>().Where(t => t.Id == under).Select(t => t.Path).FirstOrDefaultAsync(ct);
            if (path is null) return new TwinPage([], null);
            twins = twins.Where(t => t.Path.StartsWith(path) && t.Id != under);
        }
        if (query.Relationship is { } relationship)
        {
            var edges = db.Set<TwinRelationship>().Where(r => r.Name == relationship);
            twins = query.Related is { } related
                ? twins.Where(t => edges.Any(r => r.SourceId == related && r.TargetId == t.Id))
                : twins.Where(t => edges.Any(r => r.SourceId == t.Id));
        }
        foreach (var (name, value) in query.PropertyEquals)
        {
            // Properties are stored as compact JSON written by this service, so "name":value is a substring.
            var json = JsonFragment(value);
            var atEnd = $"\"{name}\":{json}}}";
            var inMiddle = $"\"{name}\":{json},";
            twins = twins.Where(t => t.Properties.Contains(atEnd) || t.Properties.Contains(inMiddle));
        }
#pragma warning disable CA1309 // EF Core translates string.Compare to SQL's >; both databases compare ids bytewise (C collation)
        if (query.After is { } after) twins = twins.Where(t => string.Compare(t.Id, after) > 0);
#pragma warning restore CA1309
        var page = await twins.OrderBy(t => t.Id).Take(query.Limit + 1).ToListAsync(ct);
        var more = page.Count > query.Limit;
        if (more) page.RemoveAt(page.Count - 1);
        var views = await ViewsAsync(page, ct);
        return new TwinPage(views, more ? page[^1].Id : null);
    }

    public async Task<TwinView?> FindAsync(string id, TwinAccess access, CancellationToken ct)
    {
        var twin = await db.Set<Twin>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (twin is null || !access.Sees(twin.ParkId)) return null;
        return (await ViewsAsync([twin], ct))[0];
    }

    public static readonly Field IdField = new("id", "Twin id");
    public static readonly Field ModelField = new("modelId", "Model");
    public static readonly Field NameEnField = new("nameEn", "English name");
    public static readonly Field NameZhField = new("nameZh", "Chinese name");
    public static readonly Field ParentField = new("parentId", "Parent twin");
    public static readonly Field RelationshipField = new("relationship", "Relationship");

    /// <summary>Creates a twin under a parent the caller sees, of a known model, with checked properties.</summary>
    public async Task<Outcome<TwinView>> CreateAsync(CreateTwinRequest request, TwinAccess access, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!TwinIds.IsValid(request.Id)) errors.Add(IdField, "1 to 128 lower-case letters, digits and dashes, not starting or ending with a dash.");
        var model = models.Find(request.ModelId);
        if (model is null) errors.Add(ModelField, "'{0}' is not a known model; the list of twin models shows them.", request.ModelId);
        errors.Required(NameEnField, request.NameEn, 200);
        errors.MaxLength(NameZhField, request.NameZh, 200);
        var properties = request.Properties ?? JsonDocument.Parse("{}").RootElement;
        if (model is not null) TwinPropertyCheck.Check(model, properties, errors);
        if (request.ParentId is null) errors.Add(ParentField, "This field is required.");
        if (!errors.IsEmpty || model is null) return Failure.Invalid(errors);
        var parent = await db.Set<Twin>().FirstOrDefaultAsync(t => t.Id == request.ParentId, ct);
        if (parent is null || !access.Sees(parent.ParkId)) return Failure.NotFound("There is no twin {0} in your park.", request.ParentId);
        var relationship = request.Relationship ?? "contains";
        var parentModel = models.Find(parent.ModelId);
        var declared = parentModel?.Relationships.FirstOrDefault(r => r.Name == relationship);
        if (declared is null)
            errors.Add(RelationshipField, "The parent's model {0} does not declare '{1}'.", parent.ModelId, relationship);
        else if (declared.Target is { } target && target != model.Id)
            errors.Add(RelationshipField, "'{0}' of {1} only leads to {2}, not to {3}.", relationship, parent.ModelId, target, model.Id);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (await db.Set<Twin>().AnyAsync(t => t.Id == request.Id, ct))
            return Failure.Conflict("A twin with id {0} exists already.", request.Id).Titled("The twin exists already");

        var twin = new Twin
        {
            Id = request.Id,
            ModelId = model.Id,
            ParkId = parent.ParkId,
            ParentId = parent.Id,
            Path = parent.Path + request.Id + "/",
            NameEn = request.NameEn.Trim(),
            NameZh = string.IsNullOrWhiteSpace(request.NameZh) ? request.NameEn.Trim() : request.NameZh.Trim(),
            Properties = Compact(properties),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(twin);
        db.Add(new TwinRelationship { SourceId = parent.Id, Name = relationship, TargetId = twin.Id });
        await db.SaveChangesAsync(ct);
        return TwinView.From(twin, []);
    }

    public static string Compact(JsonElement properties) => JsonSerializer.Serialize(properties);

    private async Task<List<TwinView>> ViewsAsync(List<Twin> twins, CancellationToken ct)
    {
        var ids = twins.Select(t => t.Id).ToList();
        var edges = await db.Set<TwinRelationship>().AsNoTracking().Where(r => ids.Contains(r.SourceId)).ToListAsync(ct);
        var bySource = edges.GroupBy(e => e.SourceId).ToDictionary(g => g.Key, g => g.Select(e => new RelationshipView(e.Name, e.TargetId)).OrderBy(r => r.Name).ThenBy(r => r.TargetId).ToList());
        return twins.Select(t => TwinView.From(t, bySource.TryGetValue(t.Id, out var list) ? list : [])).ToList();
    }

    /// <summary>A query value as the JSON it is stored as: numbers and booleans as they are, anything else a string.</summary>
    private static string JsonFragment(string value)
    {
        if (value is "true" or "false") return value;
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            try { return JsonSerializer.Serialize(JsonDocument.Parse(value).RootElement); }
            catch (JsonException) { }
        }
        return JsonSerializer.Serialize(value);
    }
}

public sealed record CreateTwinRequest(string Id, string ModelId, string? ParentId, string? Relationship, string NameEn, string? NameZh, JsonElement? Properties);
