using Word = Lingjing.Server.Features.Demo.DemoVocabulary.Word;

namespace Lingjing.Server.Features.Collaboration.Demo;

/// <summary>The words the demo needs and offers are written with. A need or an offer is about a kind of work (a
/// technique of its chain segment: 三维动画, 展陈设计, ...) on a subject (a theme: museums and heritage, children, ...).
/// Needs and offers pick different words of the same theme and phrase them differently, as people do, so matching has to
/// find partners through shared words, not identical texts.</summary>
internal static class DemoCollaborationVocabulary
{
    public sealed record Theme(string Code, IReadOnlyList<Word> Words, IReadOnlyList<Word> Projects);

    public static readonly IReadOnlyList<Theme> Themes =
    [
        new("heritage",
            [new("博物馆", "museum"), new("文物", "cultural relics"), new("非遗", "intangible heritage"), new("馆藏", "collection"), new("古建筑", "historic architecture"), new("考古", "archaeology")],
            [new("宋代陶瓷专题展", "Song dynasty ceramics exhibition"), new("非遗传承人纪录", "heritage craftsmen record"), new("古建数字化保护", "digital preservation of historic buildings")]),
        new("children",
            [new("儿童", "children"), new("绘本", "picture books"), new("亲子", "family"), new("少儿", "kids"), new("启蒙", "early learning"), new("卡通", "cartoon")],
            [new("少儿科普系列", "children's science series"), new("亲子乐园主题", "family park theme"), new("原创绘本IP", "original picture-book IP")]),
        new("city-tourism",
            [new("景区", "scenic area"), new("夜游", "night tour"), new("文旅", "cultural tourism"), new("古镇", "old town"), new("研学", "study tour"), new("城市", "city")],
            [new("古镇夜游项目", "old-town night tour"), new("城市文化地标", "city cultural landmark"), new("研学营地", "study-tour camp")]),
        new("consumer-brand",
            [new("品牌", "brand"), new("国潮", "guochao style"), new("新消费", "new consumer"), new("电商", "e-commerce"), new("包装", "packaging"), new("联名", "co-branding")],
            [new("国潮联名系列", "guochao co-branded line"), new("新品上市", "product launch"), new("老字号焕新", "time-honoured brand refresh")]),
        new("immersive-tech",
            [new("元宇宙", "metaverse"), new("虚拟现实", "virtual reality"), new("数字人", "digital human"), new("沉浸式", "immersive"), new("交互", "interactive"), new("人工智能", "AI")],
            [new("沉浸式光影展", "immersive light show"), new("虚拟数字人主播", "virtual digital-human host"), new("元宇宙展厅", "metaverse showroom")]),
        new("performance",
            [new("演唱会", "concert"), new("音乐节", "music festival"), new("剧场", "theatre"), new("戏曲", "Chinese opera"), new("巡演", "tour"), new("舞台", "stage")],
            [new("原创音乐剧", "original musical"), new("戏曲新编", "new Chinese opera"), new("城市音乐节", "city music festival")]),
        new("education",
            [new("教材", "textbooks"), new("课程", "courses"), new("知识付费", "paid knowledge"), new("期刊", "journals"), new("图书", "books"), new("在线教育", "online education")],
            [new("职业教育课程包", "vocational course set"), new("学术期刊改版", "journal redesign"), new("传统文化读本", "traditional culture reader")]),
        new("sports-esports",
            [new("电竞", "esports"), new("赛事", "tournament"), new("体育", "sports"), new("马拉松", "marathon"), new("俱乐部", "club"), new("直播", "live streaming")],
            [new("电竞联赛", "esports league"), new("城市马拉松", "city marathon"), new("赛事直播季", "tournament streaming season")]),
    ];

    /// <summary>The kinds of work in each segment of the chain.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Word>> Techniques = new Dictionary<string, IReadOnlyList<Word>>
    {
        ["ip-creation"] = [new("原创IP孵化", "original IP incubation"), new("角色设计", "character design"), new("世界观设定", "world building")],
        ["writing"] = [new("剧本创作", "screenwriting"), new("文案撰写", "copywriting"), new("故事策划", "story development")],
        ["art-design"] = [new("概念设计", "concept art"), new("插画绘制", "illustration"), new("美术设定", "art direction")],
        ["animation"] = [new("三维动画", "3D animation"), new("二维动画", "2D animation"), new("动作捕捉", "motion capture")],
        ["film-tv-production"] = [new("宣传片拍摄", "promotional film"), new("纪录片制作", "documentary production"), new("影视后期", "post-production")],
        ["game-development"] = [new("游戏开发", "game development"), new("小游戏", "casual games"), new("游戏美术", "game art")],
        ["3d-digital-twin"] = [new("三维建模", "3D modelling"), new("数字孪生", "digital twin"), new("实景扫描", "reality scanning")],
        ["visual-design"] = [new("品牌设计", "brand design"), new("视觉识别", "visual identity"), new("海报设计", "poster design")],
        ["industrial-design"] = [new("文创产品设计", "creative product design"), new("产品外观设计", "product styling"), new("结构设计", "structural design")],
        ["publishing-printing"] = [new("画册印刷", "catalogue printing"), new("图书出版", "book publishing"), new("装帧设计", "book binding design")],
        ["stage-production"] = [new("舞美设计", "stage design"), new("灯光音响", "lighting and sound"), new("演出制作", "show production")],
        ["crafts-making"] = [new("陶瓷定制", "custom ceramics"), new("刺绣工艺", "embroidery"), new("漆器制作", "lacquerware")],
        ["digital-technology"] = [new("小程序开发", "mini-program development"), new("数据平台", "data platform"), new("AR互动", "AR interaction")],
        ["exhibition-building"] = [new("展陈设计", "exhibition design"), new("展台搭建", "booth building"), new("多媒体展项", "multimedia exhibits")],
        ["events-conferences"] = [new("活动策划", "event planning"), new("论坛执行", "forum management"), new("发布会", "launch events")],
        ["marketing-advertising"] = [new("新媒体运营", "social media marketing"), new("广告投放", "ad campaigns"), new("短视频营销", "short-video marketing")],
        ["distribution"] = [new("影视发行", "film distribution"), new("海外发行", "overseas distribution"), new("渠道分销", "channel sales")],
        ["ip-licensing"] = [new("IP授权", "IP licensing"), new("衍生品开发", "merchandise development"), new("版权运营", "rights management")],
        ["cultural-tourism"] = [new("景区运营", "site operation"), new("文旅策划", "tourism planning"), new("研学课程", "study-tour programmes")],
        ["legal-ip-services"] = [new("版权登记", "copyright registration"), new("商标注册", "trademark registration"), new("合同审查", "contract review")],
        ["finance-guarantee"] = [new("融资担保", "financing guarantee"), new("版权质押", "copyright pledge loans"), new("财务顾问", "financial advisory")],
        ["talent-training"] = [new("人才招聘", "recruitment"), new("技能培训", "skills training"), new("高管培训", "executive training")],
        ["testing-certification"] = [new("产品检测", "product testing"), new("质量认证", "quality certification"), new("安全评估", "safety assessment")],
    };

    /// <summary>How often each segment is asked for in a need (relative).</summary>
    public static double NeedWeight(string segment) => segment switch
    {
        "animation" or "film-tv-production" or "visual-design" or "exhibition-building" or "marketing-advertising" => 3,
        "3d-digital-twin" or "digital-technology" or "events-conferences" or "legal-ip-services" or "publishing-printing" => 2,
        _ => 1,
    };

    public static readonly IReadOnlyList<string> ChineseNeedTitles =
    [
        "{project}：寻找{technique}合作伙伴",
        "{theme}{technique}项目招募合作方",
        "急需{technique}团队（{theme}方向）",
        "{project}{technique}外包",
        "诚邀{technique}服务商参与{project}",
    ];

    public static readonly IReadOnlyList<string> EnglishNeedTitles =
    [
        "Looking for a {technique} partner for our {project}",
        "{technique} for a {theme} project",
    ];

    public static readonly IReadOnlyList<string> ChineseNeedDescriptions =
    [
        "我们正在推进{project}，需要一支有{theme}经验的{technique}团队，{extra}。预算与周期可面谈，优先考虑园区内企业。",
        "项目围绕{theme}与{theme2}展开，希望合作方负责{technique}部分，{extra}。请附过往案例。",
        "{project}已完成前期策划，现寻找{technique}合作伙伴，{extra}，要求有{theme}相关作品。",
    ];

    public static readonly IReadOnlyList<string> Extras =
    [
        "需按期交付并配合多轮修改", "可接受分阶段交付", "希望能驻场沟通", "需提供完整版权", "需要中英文双语交付", "有政府项目经验者优先",
    ];

    public static readonly IReadOnlyList<string> ChineseOfferTitles =
    [
        "{technique}（{theme}方向）",
        "专业{technique}服务",
        "{theme}{technique}整体解决方案",
        "{technique}｜擅长{theme}{theme2}类项目",
    ];

    public static readonly IReadOnlyList<string> ChineseOfferDescriptions =
    [
        "团队专注{technique}多年，服务过多个{theme}与{theme2}项目，从方案到交付全流程负责。",
        "提供{technique}及相关服务，{theme}领域经验丰富，可按项目规模组建团队。",
        "我们以{technique}见长，作品覆盖{theme}、{theme2}等方向，支持驻场与远程协作。",
    ];
}
