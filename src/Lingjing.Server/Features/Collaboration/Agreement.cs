namespace Lingjing.Server.Features.Collaboration;

/// <summary>A collaboration agreed on from a need: the need's enterprise (the client) proposes it to a partner (an
/// enterprise or a service institution), who confirms or declines. Confirmed, it counts in later matching and both sides
/// may rate it.</summary>
public sealed class Agreement
{
    public int Id { get; set; }
    public int NeedId { get; set; }
    public int ClientEnterpriseId { get; set; }
    public int? PartnerEnterpriseId { get; set; }
    public int? PartnerInstitutionId { get; set; }
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

    public Party Partner => new(PartnerEnterpriseId, PartnerInstitutionId);
}

/// <summary>One side's rating of a confirmed agreement: 1 to 5 stars for the other side, with a comment.</summary>
public sealed class AgreementRating
{
    public Guid Id { get; set; }
    public int AgreementId { get; set; }
    /// <summary>The side that gave the rating: <see cref="AgreementSides.Client"/> or <see cref="AgreementSides.Partner"/>.</summary>
    public required string Side { get; set; }
    /// <summary>The other side, rated: an enterprise or an institution.</summary>
    public int? RatedEnterpriseId { get; set; }
    public int? RatedInstitutionId { get; set; }
    public int Stars { get; set; }
    public string Comment { get; set; } = "";
    public Guid? RatedBy { get; set; }
    public DateTime At { get; set; }
}

public static class AgreementSides
{
    public const string Client = "client";
    public const string Partner = "partner";
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
