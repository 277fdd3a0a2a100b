namespace Lingjing.Server.Features.Events.Expo;

/// <summary>A booth as the hall's guide shows it.</summary>
public sealed record BoothView(
    int Id, string Hall, int? EventId, int EnterpriseId, string EnterpriseZh, string EnterpriseEn, string Code, int Row, int Col,
    string TitleZh, string TitleEn, string DescriptionZh, string DescriptionEn, string? VideoUrl, string? ModelUrl, string? BrochureUrl,
    IReadOnlyList<string> Tags);

/// <summary>An exhibitor's view of their booth: its visitors and the cards left.</summary>
public sealed record BoothLeads(int BoothId, int Visits, int Visitors, IReadOnlyList<LeadView> Leads);

public sealed record LeadView(string Name, string Email, string? EnterpriseName, string Message, DateTimeOffset At);

/// <summary>Placing an exhibitor in a hall: the enterprise, the booth's code and its cell on the floor plan.</summary>
public sealed record BoothPlacement(int? EnterpriseId, string? Code, int? Row, int? Col);

/// <summary>The exhibitor's content of their booth.</summary>
public sealed record BoothContent(
    string? TitleZh, string? TitleEn, string? DescriptionZh, string? DescriptionEn, string? VideoUrl, string? ModelUrl, string? BrochureUrl,
    IReadOnlyList<string>? Tags);

/// <summary>Leaving one's card: <see cref="Consent"/> must be true (the exhibitor sees the name, e-mail and enterprise).</summary>
public sealed record CardInput(bool Consent, string? Message);
