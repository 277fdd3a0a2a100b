namespace Lingjing.Server.Features.Events.Demo;

/// <summary>The demo zone's events, relative to the day the zone is seeded: the district's three-day Digital Culture
/// Industry Conference ten days ahead (21 sessions), a park forum with approval, an enterprise's launch, and two events
/// already over (a training with check-ins, an exhibition). Times are the zone's clock.</summary>
internal static class DemoEventPlan
{
    /// <summary>Exhibitors of the conference's expo hall (enterprises 1 to 40), and showcases of the permanent demonstration
    /// hall (the next twelve).</summary>
    public const int ConferenceExhibitors = 40, DemonstrationShowcases = 12;

    public sealed record Plan(string TitleZh, string TitleEn, string Kind, string Organiser, int DayOffset, int Days, int StartHour, int EndHour,
        string Venue, int Capacity, string Registration, int Registered, double CheckedIn, string DescriptionZh, string DescriptionEn, IReadOnlyList<Talk> Talks);

    public sealed record Talk(int Day, int StartHour, int StartMinute, int Minutes, string TitleZh, string TitleEn, string Room, params string[] Speakers);

    public static readonly IReadOnlyList<Plan> Events =
    [
        new("2027 数字文化产业大会", "Digital Culture Industry Conference 2027", EventKinds.Conference, Organisers.Government, 10, 3, 9, 18, EventVenues.Hall, 3000,
            RegistrationModes.Open, 640, 0,
            "区政府主办的年度大会：元宇宙、数字孪生与文化产业的融合发展。三天议程，以虚拟形象在线参会。",
            "The district's annual conference on the metaverse, digital twins and the cultural industries: three days, attended online as avatars.",
            ConferenceTalks()),
        new("园区数字内容沙龙", "Park Digital Content Salon", EventKinds.Forum, Organisers.Park, 3, 1, 14, 17, "park-1", 60,
            RegistrationModes.Approval, 24, 0,
            "园区企业交流短视频与数字内容创作经验，名额有限，需审核。", "Enterprises of the park share how they make short video and digital content; limited seats, approved by the park.",
            [new(0, 14, 0, 45, "短视频的叙事", "Storytelling in short video", "Salon", "陈静，导演 Chen Jing, director"),
             new(0, 15, 0, 60, "交流与合作", "Open exchange", "Salon")]),
        new("新品发布：沉浸式展陈方案", "Launch: immersive exhibition design", EventKinds.Launch, Organisers.Enterprise, 6, 1, 15, 17, EventVenues.Hall, 200,
            RegistrationModes.Open, 85, 0,
            "发布面向博物馆与园区的沉浸式展陈方案，现场演示。", "A new immersive exhibition design for museums and parks, demonstrated live.",
            [new(0, 15, 0, 40, "产品发布", "The launch", "Showroom", "企业创始人 Founder"), new(0, 15, 45, 60, "现场演示", "Live demonstration", "Showroom")]),
        new("文化企业数据合规培训", "Data compliance training for cultural enterprises", EventKinds.Training, Organisers.Government, -12, 1, 9, 12, "zone", 150,
            RegistrationModes.Open, 120, 0.8,
            "个人信息保护与数据出境合规要点。", "Personal information protection and cross-border data rules, in practice.",
            [new(0, 9, 0, 90, "法规解读", "The rules explained", "Classroom 2", "刘洋，律师 Liu Yang, lawyer"), new(0, 10, 45, 75, "案例研讨", "Cases", "Classroom 2")]),
        new("非遗数字化成果展", "Digitised intangible heritage exhibition", EventKinds.Exhibition, Organisers.Park, -30, 2, 10, 17, "park-2", 500,
            RegistrationModes.Open, 310, 0.7,
            "园区企业的非遗数字化作品展。", "Works of the park's enterprises that put intangible heritage into digital form.",
            [new(0, 10, 0, 420, "展览开放", "Exhibition open", "Gallery"), new(1, 10, 0, 420, "展览开放", "Exhibition open", "Gallery")]),
    ];

    private static IReadOnlyList<Talk> ConferenceTalks()
    {
        (string Zh, string En)[] topics =
        [
            ("开幕式与主旨演讲", "Opening and keynote"), ("元宇宙与城市文化", "The metaverse and urban culture"), ("数字孪生园区实践", "Digital twin parks in practice"),
            ("虚拟展会的商业模式", "Business models of virtual expos"), ("文化数据资产化", "Cultural data as assets"), ("AIGC 与内容生产", "Generative AI and content production"),
            ("圆桌：园区的下一个十年", "Panel: the next decade of parks"), ("沉浸式文旅", "Immersive cultural tourism"), ("数字版权保护", "Digital copyright protection"),
            ("游戏与动漫出海", "Games and animation abroad"), ("产业基金与投融资", "Industry funds and investment"), ("政策解读：文化产业扶持", "Policy: support for the cultural industries"),
            ("企业路演（一）", "Enterprise pitches (1)"), ("企业路演（二）", "Enterprise pitches (2)"), ("XR 演出技术", "XR performance technology"),
            ("非遗的数字化", "Digitising intangible heritage"), ("智慧场馆运营", "Running smart venues"), ("圆桌：人才与教育", "Panel: talent and education"),
            ("数字人与虚拟主播", "Digital humans and virtual hosts"), ("大会总结", "Closing remarks"), ("颁奖典礼", "Awards ceremony"),
        ];
        (int Hour, int Minute)[] slots = [(9, 0), (10, 0), (11, 0), (13, 30), (14, 30), (15, 30), (16, 30)];
        string[] speakers = ["王磊，区文化产业发展中心 Wang Lei, District Cultural Industry Office", "李娜，数字孪生研究院 Li Na, Digital Twin Institute",
            "赵强，园区运营 Zhao Qiang, park operations", "孙悦，制片人 Sun Yue, producer", "周敏，律师 Zhou Min, lawyer", "吴昊，投资人 Wu Hao, investor"];
        return topics.Select((t, i) => new Talk(i / slots.Length, slots[i % slots.Length].Hour, slots[i % slots.Length].Minute, 50, t.Zh, t.En,
            i % 3 == 2 ? "Forum B" : "Main hall", speakers[i % speakers.Length], speakers[(i + 2) % speakers.Length])).ToList();
    }
}
