using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>A visitor's number over server-sent events: "ticket" at once and whenever it changes: its place in the
/// queue as numbers ahead are called or leave, its call, its end. Changes are signalled in this process and relayed
/// from other nodes; the place comes from one reading of the desk per change shared by every stream of this node that
/// follows it (<see cref="ServiceHallFeed"/>), so 500 people waiting cost one read per change, not 500.</summary>
public sealed class ServiceHallStream(LiveBroadcast<ServiceHallSignal> signals, ServiceHallFeed feed, IServiceScopeFactory scopes, TimeProvider time)
{
    public async IAsyncEnumerable<SseItem<object>> FollowAsync(ServiceTicket ticket, ServiceDesk desk, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = signals.Subscribe();
        var startedAfter = Stopwatch.GetTimestamp();
        string? sent = null;
        object? change = null;
        var reread = true;
        var transfer = (Guid?)null;
        while (!ct.IsCancellationRequested)
        {
            if (reread)
            {
                var queue = await feed.ReadAsync(desk.Id, change, startedAfter);
                TicketView view;
                if (ticket.Status == TicketStatus.Waiting && queue.Position(ticket.Id) is { } position)
                    view = ServiceHallService.View(ticket, desk, position, queue.Eta(position), null);
                else
                {
                    // No longer waiting: the number was called, ended or moved; read it once more.
                    (ticket, transfer) = await ReadTicketAsync(ticket.Id);
                    var place = ticket.Status == TicketStatus.Waiting ? queue.Position(ticket.Id) : null;
                    view = ServiceHallService.View(ticket, desk, place, place is { } p ? queue.Eta(p) : null, transfer);
                }
                var text = JsonSerializer.Serialize(view);
                if (text != sent)
                {
                    yield return sent is null ? LiveStreams.First(view, "ticket") : new SseItem<object>(view, "ticket");
                    sent = text;
                }
                else if (change is null) yield return LiveStreams.Ping();
            }
            var messages = await subscription.NextAsync(LiveStreams.Heartbeat, time, ct);
            change = messages.LastOrDefault(m => m.DeskId == desk.Id);
            reread = messages.Count == 0 || change is not null;
            startedAfter = Stopwatch.GetTimestamp() - (messages.Count == 0 ? (long)(ServiceHallFeed.IdleAge.TotalSeconds * Stopwatch.Frequency) : 0);
        }
    }

    /// <summary>A desk's queue for its officials: "queue" (who waits, who is called, who is on duty) at once and on every change.</summary>
    public async IAsyncEnumerable<SseItem<object>> FollowDeskAsync(int deskId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = signals.Subscribe();
        var startedAfter = Stopwatch.GetTimestamp();
        string? sent = null;
        object? change = null;
        var reread = true;
        while (!ct.IsCancellationRequested)
        {
            if (reread)
            {
                var queue = await feed.ReadAsync(deskId, change, startedAfter);
                var state = DeskState.Of(queue);
                var text = JsonSerializer.Serialize(state);
                if (text != sent)
                {
                    yield return sent is null ? LiveStreams.First(state, "queue") : new SseItem<object>(state, "queue");
                    sent = text;
                }
                else if (change is null) yield return LiveStreams.Ping();
            }
            var messages = await subscription.NextAsync(LiveStreams.Heartbeat, time, ct);
            change = messages.LastOrDefault(m => m.DeskId == deskId);
            reread = messages.Count == 0 || change is not null;
            startedAfter = Stopwatch.GetTimestamp() - (messages.Count == 0 ? (long)(ServiceHallFeed.IdleAge.TotalSeconds * Stopwatch.Frequency) : 0);
        }
    }

    private async Task<(ServiceTicket Ticket, Guid? TransferredTo)> ReadTicketAsync(Guid id)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var ticket = await db.Set<ServiceTicket>().AsNoTracking().FirstAsync(t => t.Id == id);
        var next = ticket.Status == TicketStatus.Transferred
            ? await db.Set<ServiceTicket>().Where(n => n.TransferredFrom == id).Select(n => (Guid?)n.Id).FirstOrDefaultAsync()
            : null;
        return (ticket, next);
    }
}
