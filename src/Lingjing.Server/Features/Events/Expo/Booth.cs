namespace Lingjing.Server.Features.Events.Expo;

/// <summary>An exhibitor's booth on a hall's floor plan: an event's expo hall (<see cref="EventId"/>) or the zone's
/// permanent demonstration hall (<see cref="Halls.Demonstration"/>, no event), where member enterprises keep their
/// showcases between events. Its content is the exhibitor's: text, a video, a glTF model of a product, a brochure.</summary>
public sealed class Booth
{
    public int Id { get; set; }
    public required string Hall { get; set; }
    public int? EventId { get; set; }
    public int EnterpriseId { get; set; }
    public required string Code { get; set; }
    public int Row { get; set; }
    public int Col { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public required string DescriptionZh { get; set; }
    public required string DescriptionEn { get; set; }
    public string? VideoUrl { get; set; }
    public string? ModelUrl { get; set; }
    public string? BrochureUrl { get; set; }
    public List<string> Tags { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A visitor at a booth on a day (the hall's clock): a booth's visits count people per day, not page loads.</summary>
public sealed class BoothVisit
{
    public int BoothId { get; set; }
    public Guid UserId { get; set; }
    public required string Day { get; set; }
    public DateTime VisitedAt { get; set; }
}

/// <summary>A visitor's card left at a booth with their consent: what the exhibitor may contact them by.</summary>
public sealed class BoothLead
{
    public int BoothId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? EnterpriseName { get; set; }
    public required string Message { get; set; }
    public DateTime ConsentedAt { get; set; }
}

public static class Halls
{
    public const string Demonstration = "demonstration";

    public static string Of(int eventId) => $"event-{eventId}";
}
