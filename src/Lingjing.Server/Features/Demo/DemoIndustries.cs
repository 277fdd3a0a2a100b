using Word = Lingjing.Server.Features.Demo.DemoVocabulary.Word;

namespace Lingjing.Server.Features.Demo;

/// <summary>Per cultural-industry category: the industry words that end an enterprise's name and the
/// lines of business its description names.</summary>
internal static class DemoIndustries
{
    public sealed record Industry(string Category, double Share, IReadOnlyList<Word> NameWords, IReadOnlyList<Word> Business);

    public static readonly IReadOnlyList<Industry> All =
    [
        new("news-publishing", 0.08,
            [new("文化传播", "Culture Communication"), new("出版", "Publishing"), new("图书", "Books"), new("数字出版", "Digital Publishing"), new("新闻传媒", "News Media"), new("期刊", "Periodicals")],
            [new("图书策划与出版", "book development and publishing"), new("数字阅读内容制作", "digital reading content"), new("新闻资讯服务", "news and information services")]),
        new("radio-film-tv", 0.10,
            [new("影视传媒", "Film and TV Media"), new("影业", "Pictures"), new("影视制作", "Film Production"), new("广播电视", "Broadcasting"), new("纪录片制作", "Documentary Production"), new("声像", "Audio-Visual")],
            [new("电影与网络剧制作", "film and web series production"), new("纪录片拍摄", "documentary filmmaking"), new("影视后期制作", "film and TV post-production")]),
        new("creative-design", 0.16,
            [new("创意设计", "Creative Design"), new("建筑设计", "Architectural Design"), new("品牌设计", "Brand Design"), new("工业设计", "Industrial Design"), new("时尚设计", "Fashion Design"), new("视觉设计", "Visual Design")],
            [new("品牌与视觉设计", "brand and visual design"), new("建筑与室内设计", "architecture and interior design"), new("工业产品设计", "industrial product design")]),
        new("performing-arts", 0.07,
            [new("演艺", "Performing Arts"), new("文化演出", "Performances"), new("音乐", "Music"), new("舞蹈艺术", "Dance Arts"), new("戏剧", "Theatre"), new("演出经纪", "Performance Agency")],
            [new("舞台剧创作与演出", "stage production and touring"), new("音乐会策划", "concert production"), new("演出经纪服务", "artist and performance management")]),
        new("digital-content", 0.20,
            [new("数字科技", "Digital Technology"), new("网络科技", "Network Technology"), new("互动娱乐", "Interactive Entertainment"), new("动漫", "Animation"), new("游戏", "Games"), new("虚拟现实科技", "Virtual Reality Technology")],
            [new("网络游戏研发", "online game development"), new("动画与数字内容制作", "animation and digital content"), new("虚拟现实与数字孪生应用", "virtual reality and digital-twin applications")]),
        new("cultural-equipment", 0.05,
            [new("文化装备", "Cultural Equipment"), new("舞台设备", "Stage Equipment"), new("影音科技", "Audio-Video Technology"), new("灯光科技", "Lighting Technology"), new("印刷设备", "Printing Equipment")],
            [new("舞台机械与灯光音响", "stage machinery, lighting and sound"), new("数字影音设备研发", "digital audio-video equipment"), new("智能印刷装备", "smart printing equipment")]),
        new("arts-crafts", 0.07,
            [new("工艺美术", "Arts and Crafts"), new("艺术品", "Fine Arts"), new("文玩", "Collectibles"), new("陶瓷艺术", "Ceramic Arts"), new("漆艺", "Lacquer Art")],
            [new("传统工艺品设计制作", "traditional crafts"), new("艺术品经营", "art dealing"), new("非遗文创产品开发", "intangible-heritage creative products")]),
        new("advertising-exhibition", 0.13,
            [new("广告", "Advertising"), new("会展服务", "Exhibition Services"), new("展览展示", "Exhibitions"), new("品牌策划", "Brand Planning"), new("营销策划", "Marketing")],
            [new("整合营销传播", "integrated marketing communication"), new("会展策划与搭建", "exhibition planning and building"), new("数字广告投放", "digital advertising")]),
        new("cultural-tourism", 0.07,
            [new("文化旅游", "Cultural Tourism"), new("旅游发展", "Tourism Development"), new("文旅科技", "Culture and Tourism Technology"), new("研学旅行", "Study Tours")],
            [new("文旅项目策划运营", "cultural tourism projects"), new("研学旅行服务", "educational tours"), new("沉浸式文旅体验", "immersive visitor experiences")]),
        new("cultural-investment", 0.07,
            [new("文化投资", "Cultural Investment"), new("文化产业投资", "Cultural Industry Investment"), new("文化发展", "Cultural Development"), new("园区运营管理", "Park Management")],
            [new("文化产业投资", "cultural industry investment"), new("文化园区运营", "cultural park operation"), new("文化资产管理", "cultural asset management")]),
    ];
}
