namespace Lingjing.Server.Features.Twins.Models;

/// <summary>A model as the API lists it.</summary>
public sealed record TwinModelView(string Id, string DisplayName, string DisplayNameZh, string Description, bool Shipped, IReadOnlyList<TwinModelContentView> Contents)
{
    public static TwinModelView From(DtdlInterface model, bool shipped) => new(model.Id, model.DisplayName, model.DisplayNameZh, model.Description, shipped,
        model.Contents.Select(c => c switch
        {
            DtdlProperty p => new TwinModelContentView("Property", p.Name, p.DisplayName, p.DisplayNameZh, p.Schema.Describe(), p.Unit, null, p.Writable, EnumNames(p.Schema)),
            DtdlTelemetry t => new TwinModelContentView("Telemetry", t.Name, t.DisplayName, t.DisplayNameZh, t.Schema.Describe(), t.Unit, null, false, EnumNames(t.Schema)),
            DtdlRelationship r => new TwinModelContentView("Relationship", r.Name, r.DisplayName, r.DisplayNameZh, null, null, r.Target, false, null),
            DtdlComponent k => new TwinModelContentView("Component", k.Name, k.DisplayName, k.DisplayNameZh, k.Schema, null, null, false, null),
            _ => throw new InvalidOperationException(),
        }).ToList());

    private static IReadOnlyList<string>? EnumNames(DtdlSchema schema) => schema is EnumSchema e ? e.Values.Select(v => v.Name).ToList() : null;
}

public sealed record TwinModelContentView(string Kind, string Name, string DisplayName, string DisplayNameZh, string? Schema, string? Unit, string? Target, bool Writable, IReadOnlyList<string>? EnumValues);
