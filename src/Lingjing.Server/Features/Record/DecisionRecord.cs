using System.Text.Json;
using Lingjing.Server.Infrastructure.Data;

namespace Lingjing.Server.Features.Record;

/// <summary>
/// Where a feature notes a decision that matters (a policy published, an application approved, a payout, a verified
/// fact, a ban): the entry is added to the feature's own unit of work, so it is stored in the same transaction as the
/// decision or not at all, and sealed into the chain right after (<see cref="RecordSealer"/>).
/// </summary>
public static class DecisionRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="kind">What was decided, e.g. <c>application.approved</c> (<see cref="RecordKinds"/>).</param>
    /// <param name="subject">What it was about, e.g. <c>application:42</c>.</param>
    /// <param name="actor">Who decided; null for the system.</param>
    /// <param name="facts">What was decided, as it should be read later (serialized as JSON once, hashed as stored).</param>
    public static void Record(this LingjingDbContext db, DateTimeOffset now, string kind, string subject, Guid? actor, object facts)
    {
        var at = now.UtcDateTime;
        db.Add(new RecordEntry
        {
            RecordedAt = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc),
            Kind = kind,
            Subject = subject,
            Actor = actor?.ToString() ?? "system",
            Body = JsonSerializer.Serialize(facts, Json),
        });
    }
}
