using Lingjing.Server.Features.Government.ServiceHall;

namespace Lingjing.Server.Features.Government.Pages;

/// <summary>A desk's settings as typed: a checkbox per working day (named after the day), the hours as text.</summary>
public sealed class DeskSettingsForm
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? Hours { get; set; }
    public int? AppointmentSpaceId { get; set; }
    public bool Monday { get; set; }
    public bool Tuesday { get; set; }
    public bool Wednesday { get; set; }
    public bool Thursday { get; set; }
    public bool Friday { get; set; }
    public bool Saturday { get; set; }
    public bool Sunday { get; set; }

    public static DeskSettingsForm From(DeskView desk)
    {
        bool On(DayOfWeek day) => (desk.Weekdays & DeskHours.Bit(day)) != 0;
        return new DeskSettingsForm
        {
            NameZh = desk.NameZh, NameEn = desk.NameEn, Hours = desk.Hours, AppointmentSpaceId = desk.AppointmentSpaceId,
            Monday = On(DayOfWeek.Monday), Tuesday = On(DayOfWeek.Tuesday), Wednesday = On(DayOfWeek.Wednesday), Thursday = On(DayOfWeek.Thursday),
            Friday = On(DayOfWeek.Friday), Saturday = On(DayOfWeek.Saturday), Sunday = On(DayOfWeek.Sunday),
        };
    }

    public bool Has(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday, DayOfWeek.Tuesday => Tuesday, DayOfWeek.Wednesday => Wednesday, DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday, DayOfWeek.Saturday => Saturday, _ => Sunday,
    };

    public DeskInput ToInput() => new(NameZh, NameEn, Week.Where(Has).Sum(DeskHours.Bit), Hours, AppointmentSpaceId);
}
