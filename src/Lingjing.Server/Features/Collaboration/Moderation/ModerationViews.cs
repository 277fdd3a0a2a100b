using Lingjing.Server.Features.Collaboration.Conversations;

namespace Lingjing.Server.Features.Collaboration.Moderation;

/// <summary>A report as moderators see it: what (kind, id, the words as reported), by whom about whom, why, how many open
/// reports the same target has, and the decision once taken.</summary>
public sealed record ReportView(
    int Id, string TargetKind, int TargetId, string Excerpt, PartyName Author, PartyName Reporter, string Reason, string Note,
    DateTime CreatedAt, string Status, int OpenOnTarget, string? DecidedByName, DateTime? DecidedAt, string? Decision);

/// <summary>The body of a report: <c>targetKind</c> need, offer or message, <c>targetId</c>, <c>reason</c> spam, abuse,
/// fraud or other, and an optional note.</summary>
public sealed record ReportInput(string? TargetKind, int? TargetId, string? Reason, string? Note);

/// <summary>A moderator's decision: <c>action</c> hide (the message is hidden, the need closed, the offer withdrawn) or
/// dismiss; <c>warn</c> tells the author's people; <c>suspendDays</c> (1-90) stops them publishing and writing.</summary>
public sealed record ReportDecision(string? Action, bool Warn, int? SuspendDays, string? Note);
