namespace Lingjing.Server.Features.Zone;

/// <summary>Builds the <c>search_text</c> column the directory searches: names, descriptions, tags and
/// catalogue names in both languages, lower-cased, one space apart. Whoever writes a directory row
/// (the demo seeder, profile editing) sets it from here so search sees the same text.</summary>
public static class SearchText
{
    public static string For(Enterprise e) =>
        Join([e.NameZh, e.NameEn, e.DescriptionZh, e.DescriptionEn, .. e.Tags, .. Names(EnterpriseCategories.Find(e.Category))]);

    public static string For(Park p) =>
        Join([p.Code, p.NameZh, p.NameEn, p.AddressZh, p.AddressEn, p.DescriptionZh, p.DescriptionEn]);

    public static string For(Institution i) =>
        Join([i.NameZh, i.NameEn, i.DescriptionZh, i.DescriptionEn, i.AddressZh, i.AddressEn, .. i.Tags, .. Names(InstitutionServiceTypes.Find(i.ServiceType))]);

    public static string For(Space s) =>
        Join([s.NameZh, s.NameEn, s.DescriptionZh, s.DescriptionEn, .. s.Equipment, .. Names(SpaceTypes.Find(s.SpaceType))]);

    private static string[] Names(CatalogueEntry? entry) => entry is null ? [] : [entry.NameZh, entry.NameEn];

    private static string Join(IEnumerable<string> parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())).ToLowerInvariant();
}
