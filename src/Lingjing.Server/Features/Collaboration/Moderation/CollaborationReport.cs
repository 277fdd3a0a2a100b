namespace Lingjing.Server.Features.Collaboration.Moderation;

/// <summary>Someone's report of a need, an offer or a message as spam, abuse or fraud, waiting for a park operator or the
/// government. One per reporting side and target (<see cref="ReportKey"/>); deciding one decides every open report of
/// the same target.</summary>
public sealed class CollaborationReport
{
    public int Id { get; set; }
    /// <summary><see cref="ReportTargets"/>: need, offer or message, with its id.</summary>
    public required string TargetKind { get; set; }
    public int TargetId { get; set; }
    /// <summary>Who wrote what is reported, and their park (for the park's operators).</summary>
    public int? AuthorEnterpriseId { get; set; }
    public int? AuthorInstitutionId { get; set; }
    public int? AuthorParkId { get; set; }
    public int? ReporterEnterpriseId { get; set; }
    public int? ReporterInstitutionId { get; set; }
    public Guid? ReporterUserId { get; set; }
    public required string ReportKey { get; set; }
    /// <summary><see cref="ReportReasons"/>.</summary>
    public required string Reason { get; set; }
    public string Note { get; set; } = "";
    /// <summary>What was reported, as it read when reported.</summary>
    public string Excerpt { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary><see cref="ReportStatus"/>.</summary>
    public string Status { get; set; } = ReportStatus.Open;
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Decision { get; set; }

    public Party Author => new(AuthorEnterpriseId, AuthorInstitutionId);
}

public static class ReportTargets
{
    public const string Need = "need";
    public const string Offer = "offer";
    public const string Message = "message";

    public static readonly IReadOnlyList<string> All = [Need, Offer, Message];
}

/// <summary>Why something is reported, with the names people read.</summary>
public static class ReportReasons
{
    public static readonly IReadOnlyList<Zone.CatalogueEntry> Entries =
    [
        new("spam", "垃圾信息或广告", "Spam or advertising"),
        new("abuse", "辱骂或冒犯", "Abusive or offensive"),
        new("fraud", "欺诈或虚假信息", "Fraud or a false claim"),
        new("other", "其他", "Something else"),
    ];

    public static readonly IReadOnlyList<string> All = [.. Entries.Select(e => e.Code)];
}

public static class ReportStatus
{
    public const string Open = "open";
    public const string Hidden = "hidden";
    public const string Dismissed = "dismissed";
}

/// <summary>An enterprise or institution that may not publish, start conversations or send messages until a time.</summary>
public sealed class CollaborationSuspension
{
    public int Id { get; set; }
    public int? EnterpriseId { get; set; }
    public int? InstitutionId { get; set; }
    public DateTime Until { get; set; }
    public required string Reason { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }
}
