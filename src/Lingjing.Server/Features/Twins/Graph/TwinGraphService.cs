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

    /// <summary>Creates a twin under a parent the caller sees, of a known model, with checked properties.
    /// Returns the view, or the status and the problem.</summary>
    public async Task<(TwinView? Twin, int Status, string? Problem)> CreateAsync(CreateTwinRequest request, TwinAccess access, CancellationToken ct)
    {
        if (!TwinIds.IsValid(request.Id)) return (null, 400, $"id \"{request.Id}\" is not valid: {TwinIds.Rule}.");
        var model = models.Find(request.ModelId);
        if (model is null) return (null, 400, $"modelId \"{request.ModelId}\" is not a known model; GET /api/v1/twin-models lists them.");
        if (string.IsNullOrWhiteSpace(request.NameEn) || request.NameEn.Length > 200) return (null, 400, "nameEn is required, at most 200 characters.");
        if (request.NameZh is { Length: > 200 }) return (null, 400, "nameZh is at most 200 characters.");
        var properties = request.Properties ?? JsonDocument.Parse("{}").RootElement;
        var problems = TwinPropertyCheck.Check(model, properties);
        if (problems.Count > 0) return (null, 400, string.Join("; ", problems));
        if (request.ParentId is null) return (null, 400, "parentId is required: a twin is created inside a twin of your park.");
        var parent = await db.Set<Twin>().FirstOrDefaultAsync(t => t.Id == request.ParentId, ct);
        if (parent is null || !access.Sees(parent.ParkId)) return (null, 404, $"There is no twin {request.ParentId} in your park.");
        var relationship = request.Relationship ?? "contains";
        var parentModel = models.Find(parent.ModelId);
        var declared = parentModel?.Relationships.FirstOrDefault(r => r.Name == relationship);
        if (declared is null)
            return (null, 400, $"relationship '{relationship}' is not declared by the parent's model {parent.ModelId}.");
        if (declared.Target is { } target && target != model.Id)
            return (null, 400, $"relationship '{relationship}' of {parent.ModelId} only targets {target}, not {model.Id}.");
        if (await db.Set<Twin>().AnyAsync(t => t.Id == request.Id, ct)) return (null, 409, $"A twin with id {request.Id} exists already.");

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
        return (TwinView.From(twin, []), 201, null);
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
