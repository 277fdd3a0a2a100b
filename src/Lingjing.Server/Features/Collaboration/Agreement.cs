namespace Lingjing.Server.Features.Collaboration;

/// <summary>A collaboration two enterprises agree on, from a need: the need's enterprise (the client) proposes it to a
/// partner, who confirms or declines. Confirmed, it counts in later matching and both sides may rate it.</summary>
public sealed class Agreement
{
    public int Id { get; set; }
    public int NeedId { get; set; }
    public int ClientEnterpriseId { get; set; }
    public int PartnerEnterpriseId { get; set; }
    /// <summary>What the partner does, in the client's words.</summary>
    public required string What { get; set; }
    /// <summary>Code from <see cref="AmountBands"/>.</summary>
    public required string AmountBand { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>Code from <see cref="AgreementStatus"/>.</summary>
    public string Status { get; set; } = AgreementStatus.Proposed;
    public Guid? ProposedBy { get; set; }
    public required string ProposedByName { get; set; }
    public DateTime ProposedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
}

/// <summary>One side's rating of a confirmed agreement: 1 to 5 stars for the other side, with a comment.</summary>
public sealed class AgreementRating
{
    public Guid Id { get; set; }
    public int AgreementId { get; set; }
    public int RaterEnterpriseId { get; set; }
    public int RatedEnterpriseId { get; set; }
    public int Stars { get; set; }
    public string Comment { get; set; } = "";
    public Guid? RatedBy { get; set; }
    public DateTime At { get; set; }
}

public static class AgreementStatus
{
    public const string Proposed = "proposed";
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
}

/// <summary>The amount of an agreement as a band, not a figure: enough for the zone's statistics, nothing a competitor
/// could price against.</summary>
public static class AmountBands
{
    public static readonly IReadOnlyList<Zone.CatalogueEntry> All =
    [
        new("under-100k", "10 万元以下", "under 100k yuan"),
        new("100k-500k", "10-50 万元", "100k-500k yuan"),
        new("500k-1m", "50-100 万元", "500k-1m yuan"),
        new("1m-5m", "100-500 万元", "1m-5m yuan"),
        new("over-5m", "500 万元以上", "over 5m yuan"),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(b => b.Code)];
}
