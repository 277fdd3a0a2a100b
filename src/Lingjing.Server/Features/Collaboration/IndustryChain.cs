using System.Collections.Frozen;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>The cultural industries as a chain: where a need or an offer sits, from creating content to producing it,
/// bringing it to people, and the professional services around them. Matching reads the stage (partners next to each
/// other in the chain work together) and the enterprise categories each segment is usually found in.</summary>
public static class IndustryChain
{
    public const string Create = "create";
    public const string Produce = "produce";
    public const string Distribute = "distribute";
    public const string Support = "support";

    public static readonly IReadOnlyList<CatalogueEntry> Stages =
    [
        new(Create, "内容创作", "Creation"),
        new(Produce, "生产制作", "Production"),
        new(Distribute, "传播消费", "Distribution"),
        new(Support, "专业服务", "Professional services"),
    ];

    public static readonly IReadOnlyList<ChainSegment> Segments =
    [
        new("ip-creation", "IP 与原创内容", "IP and original content", Create, ["digital-content", "news-publishing", "radio-film-tv"]),
        new("writing", "文学与剧本创作", "Writing and scripts", Create, ["news-publishing", "radio-film-tv", "performing-arts"]),
        new("art-design", "美术与概念设计", "Art and concept design", Create, ["creative-design", "digital-content", "arts-crafts"]),
        new("animation", "动画制作", "Animation", Produce, ["digital-content", "radio-film-tv"]),
        new("film-tv-production", "影视制作", "Film and TV production", Produce, ["radio-film-tv"]),
        new("game-development", "游戏开发", "Game development", Produce, ["digital-content"]),
        new("3d-digital-twin", "三维建模与数字孪生", "3D modelling and digital twins", Produce, ["digital-content", "cultural-equipment"]),
        new("visual-design", "视觉与品牌设计", "Visual and brand design", Produce, ["creative-design", "advertising-exhibition"]),
        new("industrial-design", "工业与产品设计", "Industrial and product design", Produce, ["creative-design", "cultural-equipment"]),
        new("publishing-printing", "出版印刷", "Publishing and printing", Produce, ["news-publishing"]),
        new("stage-production", "演艺制作", "Stage production", Produce, ["performing-arts"]),
        new("crafts-making", "工艺制作", "Crafts making", Produce, ["arts-crafts"]),
        new("digital-technology", "数字技术与软件", "Digital technology and software", Produce, ["digital-content", "cultural-equipment"]),
        new("exhibition-building", "展陈设计与搭建", "Exhibition design and building", Distribute, ["advertising-exhibition", "creative-design"]),
        new("events-conferences", "会展与活动运营", "Events and conferences", Distribute, ["advertising-exhibition", "cultural-tourism"]),
        new("marketing-advertising", "营销与广告", "Marketing and advertising", Distribute, ["advertising-exhibition"]),
        new("distribution", "发行与渠道", "Distribution and channels", Distribute, ["radio-film-tv", "news-publishing", "digital-content"]),
        new("ip-licensing", "版权运营与授权", "IP licensing", Distribute, ["digital-content", "cultural-investment"]),
        new("cultural-tourism", "文旅运营", "Cultural tourism operation", Distribute, ["cultural-tourism"]),
        new("legal-ip-services", "法律与知识产权服务", "Legal and IP services", Support, []),
        new("finance-guarantee", "金融与担保", "Finance and guarantees", Support, ["cultural-investment"]),
        new("talent-training", "人才与培训", "Talent and training", Support, []),
        new("testing-certification", "检测认证", "Testing and certification", Support, []),
    ];

    private static readonly FrozenDictionary<string, ChainSegment> ByCode = Segments.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal);

    /// <summary>The segment with this code, or null (matching asks this for tens of thousands of candidates a request).</summary>
    public static ChainSegment? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var segment) ? segment : null;

    /// <summary>The segment a service institution's services sit in, by its service type (<see cref="InstitutionServiceTypes"/>).</summary>
    public static string? SegmentOfService(string serviceType) => serviceType switch
    {
        "legal" or "intellectual-property" => "legal-ip-services",
        "finance" or "accounting-tax" => "finance-guarantee",
        "human-resources" or "training" or "incubation" => "talent-training",
        "testing-certification" => "testing-certification",
        "technology-transfer" => "digital-technology",
        "marketing" => "marketing-advertising",
        _ => null,
    };
}

/// <summary>One segment of the chain, with the stage it belongs to and the enterprise categories usually found in it.</summary>
public sealed record ChainSegment(string Code, string NameZh, string NameEn, string Stage, IReadOnlyList<string> Categories);
