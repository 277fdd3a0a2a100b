using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>The <c>Lingjing:Collaboration</c> configuration section.</summary>
public sealed class CollaborationOptions
{
    public const string Section = "Lingjing:Collaboration";

    /// <summary>How many needs and offers together one enterprise may publish in 24 hours: enough for real work, too few
    /// to flood the zone's lists and feeds.</summary>
    public int PublishPerDay { get; set; } = 30;

    /// <summary>How many messages one enterprise or institution may send in an hour, over all its conversations.</summary>
    public int MessagesPerHour { get; set; } = 120;

    /// <summary>How many new conversations one enterprise or institution may start in 24 hours: answering a few needs a
    /// day is work, writing to hundreds is spam.</summary>
    public int ConversationsPerDay { get; set; } = 20;

    /// <summary>Build the matching index when the server starts, so the first person to ask for matches does not wait
    /// for it (tens of seconds of segmenting over a zone of 50,000 enterprises). Off, it is built on first use.</summary>
    public bool WarmIndexAtStart { get; set; } = true;
}

/// <summary>Checks <c>Lingjing:Collaboration</c> at start.</summary>
public sealed class CollaborationOptionsValidator : IValidateOptions<CollaborationOptions>
{
    public ValidateOptionsResult Validate(string? name, CollaborationOptions o) => new SettingsCheck(CollaborationOptions.Section)
        .Require(o.PublishPerDay is >= 1 and <= 10_000, "PublishPerDay", $"must be from 1 to 10000 (got {o.PublishPerDay}).")
        .Require(o.MessagesPerHour is >= 1 and <= 100_000, "MessagesPerHour", $"must be from 1 to 100000 (got {o.MessagesPerHour}).")
        .Require(o.ConversationsPerDay is >= 1 and <= 10_000, "ConversationsPerDay", $"must be from 1 to 10000 (got {o.ConversationsPerDay}).")
        .Result();
}
