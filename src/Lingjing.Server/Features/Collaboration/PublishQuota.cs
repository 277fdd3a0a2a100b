using Lingjing.Server.Features.Collaboration.Moderation;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>The daily limit on what one enterprise or institution publishes (<see cref="CollaborationOptions.PublishPerDay"/>),
/// needs and offers together, over the last 24 hours.</summary>
public sealed class PublishQuota(LingjingDbContext db, Suspensions suspensions, TimeProvider time, IOptions<CollaborationOptions> options)
{
    /// <summary>A 403 when a moderator has suspended the publisher, a 429 when it has published its fill, null while it
    /// may publish.</summary>
    public async Task<Failure?> CheckAsync(Party publisher, CancellationToken ct)
    {
        if (await suspensions.RefusalAsync(publisher, ct) is { } suspended) return suspended;
        var since = time.GetUtcNow().UtcDateTime.AddHours(-24);
        var published = publisher.EnterpriseId is { } enterpriseId
            ? await db.Set<Need>().CountAsync(n => n.EnterpriseId == enterpriseId && n.CreatedAt > since, ct)
              + await db.Set<Offer>().CountAsync(o => o.EnterpriseId == enterpriseId && o.CreatedAt > since, ct)
            : await db.Set<Offer>().CountAsync(o => o.InstitutionId == publisher.InstitutionId && o.CreatedAt > since, ct);
        var limit = options.Value.PublishPerDay;
        return published < limit
            ? null
            : new Failure(StatusCodes.Status429TooManyRequests, new("Too many requests"),
                new("You have published {0} needs and offers in the last 24 hours, the most allowed. Try again tomorrow.", limit))
            { Code = "collaboration.publish-limit" };
    }
}
