namespace Lingjing.Server.Features.Zone;

public static class SpaceTypes
{
    /// <summary>A meeting room: each confirmed booking of one also has a room in the 3D world (World/Meetings).</summary>
    public const string MeetingRoom = "meeting-room";

    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new("theatre", "剧场", "Theatre"),
        new("exhibition-hall", "展厅", "Exhibition hall"),
        new("studio", "工作室", "Studio"),
        new(MeetingRoom, "会议室", "Meeting room"),
        new("outdoor-venue", "户外场地", "Outdoor venue"),
        new("library", "阅读空间", "Reading room"),
        new("rehearsal-room", "排练厅", "Rehearsal room"),
        new("screening-room", "放映厅", "Screening room"),
    ];

    public static CatalogueEntry? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
