namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>Filters of <c>GET /api/v1/twins</c>. <see cref="Under"/>: everything contained (at any
/// depth) by that twin; <see cref="Relationship"/> with <see cref="Related"/>: twins that are the
/// target of that relationship from <see cref="Related"/> (e.g. hasSensor from a space);
/// <see cref="PropertyEquals"/>: property name and the value it must have (compared as JSON text).</summary>
public sealed record TwinQuery(
    string? Model,
    string? Under,
    string? Relationship,
    string? Related,
    IReadOnlyDictionary<string, string> PropertyEquals,
    string? After,
    int Limit);
