using System.Globalization;
using Lingjing.Server.Components.Shared;

namespace Lingjing.Server.Features.Events.Pages;

/// <summary>How pages name events' codes and times, in the page's language.</summary>
public static class EventNames
{
    public static string Kind(string kind) => kind switch
    {
        EventKinds.Conference => Bilingual.Pick("大会", "Conference"),
        EventKinds.Forum => Bilingual.Pick("论坛", "Forum"),
        EventKinds.Launch => Bilingual.Pick("发布会", "Launch"),
        EventKinds.Exhibition => Bilingual.Pick("展览", "Exhibition"),
        _ => Bilingual.Pick("培训", "Training"),
    };

    public static string Registration(string status) => status switch
    {
        RegistrationStatus.Confirmed => Bilingual.Pick("已确认", "Confirmed"),
        RegistrationStatus.Pending => Bilingual.Pick("待审核", "Waiting for approval"),
        RegistrationStatus.Invited => Bilingual.Pick("已受邀", "Invited"),
        RegistrationStatus.Declined => Bilingual.Pick("未通过", "Declined"),
        _ => Bilingual.Pick("已取消", "Cancelled"),
    };

    public static string Attendance(string attendance) =>
        attendance == Events.Attendance.InPerson ? Bilingual.Pick("现场参加", "In person") : Bilingual.Pick("线上参加", "Online");

    public static string Question(string status) => status switch
    {
        Interaction.QuestionStatus.Answered => Bilingual.Pick("已回答", "Answered"),
        Interaction.QuestionStatus.Hidden => Bilingual.Pick("已隐藏", "Hidden"),
        _ => Bilingual.Pick("待回答", "Open"),
    };

    public static string Status(string status) => status switch
    {
        EventStatus.Published => Bilingual.Pick("已发布", "Published"),
        EventStatus.Draft => Bilingual.Pick("草稿", "Draft"),
        _ => Bilingual.Pick("已取消", "Cancelled"),
    };

    /// <summary>"12 Dec 09:00 – 14 Dec 18:00" in the venue's clock, the day once when both ends fall on it.</summary>
    public static string When(DateTime start, DateTime end)
    {
        var culture = CultureInfo.CurrentUICulture;
        var day = Bilingual.IsChinese ? "M月d日 ddd" : "ddd d MMM";
        return start.Date == end.Date
            ? $"{start.ToString(day, culture)} {start:HH:mm}–{end:HH:mm}"
            : $"{start.ToString(day, culture)} {start:HH:mm} – {end.ToString(day, culture)} {end:HH:mm}";
    }

    /// <summary>The world page an online attendee enters: the event's hall, the zone, or a park's world.</summary>
    public static string WorldPage(int eventId, string venue) =>
        venue == EventVenues.Hall ? Hall.HallWorlds.Page(eventId)
        : venue.StartsWith(EventVenues.ParkPrefix, StringComparison.Ordinal) ? $"/world/{venue[EventVenues.ParkPrefix.Length..]}" : "/world/zone";
}
