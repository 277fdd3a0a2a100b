using Word = Lingjing.Server.Features.Demo.DemoVocabulary.Word;

namespace Lingjing.Server.Features.Demo;

/// <summary>What each kind of public cultural space looks like: names, size, hours and equipment.</summary>
internal static class DemoSpaceKinds
{
    public const int Weekdays = 0b0011111;
    public const int TuesdayToSunday = 0b1111110;
    public const int EveryDay = 0b1111111;

    public sealed record Kind(
        string SpaceType, double Share, IReadOnlyList<Word> Names, int MinCapacity, int MaxCapacity, double SquareMetersPerPerson,
        TimeOnly OpensAt, TimeOnly ClosesAt, int OpenDays, IReadOnlyList<string> Equipment);

    public static readonly IReadOnlyList<Kind> All =
    [
        new("meeting-room", 0.28, [new("会议室", "Meeting Room"), new("多功能厅", "Multi-function Hall"), new("路演厅", "Roadshow Hall")],
            8, 120, 2.2, new(8, 30), new(18, 0), Weekdays, ["projector", "wifi", "video-conferencing", "whiteboard", "air-conditioning", "tea-service"]),
        new("exhibition-hall", 0.18, [new("展厅", "Exhibition Hall"), new("美术馆", "Art Gallery"), new("艺术空间", "Art Space")],
            40, 600, 3.5, new(9, 30), new(17, 30), TuesdayToSunday, ["exhibition-lighting", "display-walls", "led-screen", "wifi", "accessible-access", "air-conditioning"]),
        new("studio", 0.14, [new("摄影棚", "Photo Studio"), new("录音棚", "Recording Studio"), new("直播间", "Live-streaming Studio")],
            4, 40, 4.0, new(9, 0), new(21, 0), EveryDay, ["green-screen", "camera-kit", "sound-system", "power-supply", "wifi", "air-conditioning"]),
        new("library", 0.10, [new("城市书房", "City Study"), new("阅读空间", "Reading Room"), new("共享书吧", "Book Bar")],
            20, 150, 2.8, new(9, 0), new(21, 0), EveryDay, ["bookshelves", "reading-lamps", "wifi", "tea-service", "accessible-access"]),
        new("theatre", 0.07, [new("小剧场", "Black Box Theatre"), new("剧场", "Theatre"), new("演艺厅", "Performance Hall")],
            120, 1200, 1.6, new(10, 0), new(22, 0), TuesdayToSunday, ["stage-lighting", "sound-system", "led-screen", "accessible-access", "air-conditioning"]),
        new("outdoor-venue", 0.08, [new("中心广场", "Central Plaza"), new("草坪剧场", "Lawn Stage"), new("露天市集", "Open-air Market")],
            200, 3000, 1.5, new(7, 0), new(22, 0), EveryDay, ["power-supply", "sound-system", "shade-canopy", "led-screen"]),
        new("rehearsal-room", 0.07, [new("排练厅", "Rehearsal Room"), new("舞蹈室", "Dance Studio")],
            10, 60, 4.5, new(9, 0), new(22, 0), EveryDay, ["mirror-wall", "sprung-floor", "piano", "sound-system", "air-conditioning"]),
        new("screening-room", 0.08, [new("放映厅", "Screening Room"), new("影音室", "Cinema Room")],
            30, 300, 1.8, new(10, 0), new(22, 0), EveryDay, ["cinema-projector", "surround-sound", "accessible-access", "air-conditioning"]),
    ];

    public static readonly IReadOnlyDictionary<string, string> EquipmentZh = new Dictionary<string, string>
    {
        ["projector"] = "投影仪", ["wifi"] = "无线网络", ["video-conferencing"] = "视频会议系统", ["whiteboard"] = "白板",
        ["air-conditioning"] = "空调", ["tea-service"] = "茶歇服务", ["exhibition-lighting"] = "展陈灯光", ["display-walls"] = "展墙",
        ["led-screen"] = "LED大屏", ["accessible-access"] = "无障碍通道", ["green-screen"] = "绿幕", ["camera-kit"] = "摄影器材",
        ["sound-system"] = "音响系统", ["power-supply"] = "临时电源", ["bookshelves"] = "书架", ["reading-lamps"] = "阅读灯",
        ["stage-lighting"] = "舞台灯光", ["shade-canopy"] = "遮阳棚", ["mirror-wall"] = "镜面墙", ["sprung-floor"] = "弹性地板",
        ["piano"] = "钢琴", ["cinema-projector"] = "数字放映机", ["surround-sound"] = "环绕声系统",
    };
}
