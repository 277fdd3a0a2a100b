namespace Lingjing.Server.Features.Twins.Models;

/// <summary>A DTDL v3 Interface: the model of a kind of twin.</summary>
public sealed record DtdlInterface(
    string Id,
    string DisplayName,
    string DisplayNameZh,
    string Description,
    IReadOnlyList<DtdlContent> Contents,
    string Source)
{
    public IEnumerable<DtdlProperty> Properties => Contents.OfType<DtdlProperty>();
    public IEnumerable<DtdlTelemetry> Telemetry => Contents.OfType<DtdlTelemetry>();
    public IEnumerable<DtdlRelationship> Relationships => Contents.OfType<DtdlRelationship>();
    public IEnumerable<DtdlComponent> Components => Contents.OfType<DtdlComponent>();

    public DtdlTelemetry? FindTelemetry(string name) => Telemetry.FirstOrDefault(t => t.Name == name);
    public DtdlProperty? FindProperty(string name) => Properties.FirstOrDefault(p => p.Name == name);
}
