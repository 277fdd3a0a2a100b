using System.Text.Json;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>A twin as the API shows it.</summary>
public sealed record TwinView(
    string Id,
    string ModelId,
    int? ParkId,
    string? ParentId,
    string NameEn,
    string NameZh,
    JsonElement Properties,
    IReadOnlyList<RelationshipView> Relationships)
{
    public static TwinView From(Twin twin, IReadOnlyList<RelationshipView> relationships) =>
        new(twin.Id, twin.ModelId, twin.ParkId, twin.ParentId, twin.NameEn, twin.NameZh,
            JsonDocument.Parse(twin.Properties).RootElement.Clone(), relationships);
}

public sealed record RelationshipView(string Name, string TargetId);

public sealed record TwinPage(IReadOnlyList<TwinView> Items, string? NextAfter);
