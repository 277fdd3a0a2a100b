namespace Lingjing.Server.Features.Zone;

/// <summary>Cultural-industry categories, after China's statistical classification of cultural industries.</summary>
public static class EnterpriseCategories
{
    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new("news-publishing", "新闻出版", "News and publishing"),
        new("radio-film-tv", "广播影视", "Radio, film and TV"),
        new("creative-design", "创意设计", "Creative design"),
        new("performing-arts", "演艺", "Performing arts"),
        new("digital-content", "数字内容", "Digital content"),
        new("cultural-equipment", "文化装备", "Cultural equipment"),
        new("arts-crafts", "工艺美术", "Arts and crafts"),
        new("advertising-exhibition", "广告会展", "Advertising and exhibitions"),
        new("cultural-tourism", "文化旅游", "Cultural tourism"),
        new("cultural-investment", "文化投资运营", "Cultural investment and operation"),
    ];

    public static CatalogueEntry? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
