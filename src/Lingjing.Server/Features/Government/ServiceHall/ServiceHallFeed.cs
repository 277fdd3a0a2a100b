using System.Diagnostics;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>A desk's queue as every visitor following it shares it: the waiting numbers in order, those called, the
/// officials on duty and the recent time per visitor.</summary>
public sealed record DeskQueue(int DeskId, IReadOnlyList<Guid> Waiting, IReadOnlySet<Guid> Called, int OfficialsOnDuty, double MinutesPerVisitor)
{
    /// <summary>1 for the next to be called; null when not waiting.</summary>
    public int? Position(Guid ticket)
    {
        var index = Waiting is List<Guid> list ? list.IndexOf(ticket) : Waiting.ToList().IndexOf(ticket);
        return index < 0 ? null : index + 1;
    }

    /// <summary>Minutes until a number at <paramref name="position"/> is called, with the officials on duty (one at least).</summary>
    public int Eta(int position) => (int)Math.Ceiling(position * MinutesPerVisitor / Math.Max(1, OfficialsOnDuty));
}

/// <summary>
/// Reads a desk's queue once per change for every live stream of this node that follows it, however many visitors
/// wait there (the way <c>EventFloorFeed</c> serves an event's floor): a stream woken by a change takes a reading started
/// after it woke, or the one started for that same change; an idle stream takes one at most <see cref="IdleAge"/> old.
/// </summary>
public sealed class ServiceHallFeed(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan IdleAge = TimeSpan.FromSeconds(5);
    /// <summary>The time per visitor assumed before a desk has served anyone.</summary>
    public const double DefaultMinutesPerVisitor = 8;
    private const int RecentVisitors = 30;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, Reading> _latest = new();

    private sealed record Reading(object? Change, long StartedAt, Task<DeskQueue> Task);

    public Task<DeskQueue> ReadAsync(int deskId, object? change, long startedAfter)
    {
        lock (_gate)
        {
            if (_latest.TryGetValue(deskId, out var latest) && !latest.Task.IsFaulted && !latest.Task.IsCanceled
                && ((change is not null && ReferenceEquals(latest.Change, change)) || latest.StartedAt > startedAfter))
                return latest.Task;
            var reading = new Reading(change, Stopwatch.GetTimestamp(), ReadNowAsync(deskId));
            _latest[deskId] = reading;
            return reading.Task;
        }
    }

    private async Task<DeskQueue> ReadNowAsync(int deskId)
    {
        await Task.Yield(); // out of the lock before the first query
        await using var scope = scopes.CreateAsyncScope();
        return await ReadAsync(scope.ServiceProvider.GetRequiredService<LingjingDbContext>(), deskId, CancellationToken.None);
    }

    /// <summary>The queue as it stands in the database now.</summary>
    public static async Task<DeskQueue> ReadAsync(LingjingDbContext db, int deskId, CancellationToken ct)
    {
        var active = await db.Set<ServiceTicket>().AsNoTracking()
            .Where(t => t.DeskId == deskId && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called))
            .OrderBy(t => t.QueuedAt).ThenBy(t => t.TakenAt).Select(t => new { t.Id, t.Status }).ToListAsync(ct);
        var onDuty = await db.Set<DeskOfficial>().CountAsync(o => o.DeskId == deskId && o.SignedInAt != null, ct);
        var recent = await db.Set<ServiceTicket>().AsNoTracking()
            .Where(t => t.DeskId == deskId && t.Status == TicketStatus.Done && t.CalledAt != null && t.FinishedAt != null)
            .OrderByDescending(t => t.FinishedAt).Take(RecentVisitors).Select(t => new { t.CalledAt, t.FinishedAt }).ToListAsync(ct);
        var minutes = recent.Count == 0 ? DefaultMinutesPerVisitor : Math.Max(1, recent.Average(t => (t.FinishedAt!.Value - t.CalledAt!.Value).TotalMinutes));
        return new DeskQueue(deskId, active.Where(t => t.Status == TicketStatus.Waiting).Select(t => t.Id).ToList(),
            active.Where(t => t.Status == TicketStatus.Called).Select(t => t.Id).ToHashSet(), onDuty, minutes);
    }
}
