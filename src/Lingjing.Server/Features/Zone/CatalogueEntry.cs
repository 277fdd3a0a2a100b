namespace Lingjing.Server.Features.Zone;

/// <summary>A fixed code with its Chinese and English names (categories, service types, space types).</summary>
public sealed record CatalogueEntry(string Code, string NameZh, string NameEn)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}
