using System.Collections.Concurrent;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Events.Interaction;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Events.Stage;

/// <summary>
/// Emoji reactions in an event's hall, event-wide. A hall of thousands may clap at once: each node adds up the
/// reactions of each event and passes them on at most every <see cref="Window"/> as one signal with the counts, so the
/// live streams send a few messages a second, not one per click. A person reacts at most every
/// <see cref="PerPersonEvery"/>; more often is refused with 429. Nothing is stored: a reaction is of its moment.
/// </summary>
public sealed class EventReactions(LiveBroadcast<EventSignal> signals, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Allowed = ["👏", "❤️", "😂", "😮", "🎉", "👍"];
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan PerPersonEvery = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<int, Pending> _pending = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastBy = new();

    public Outcome<string> React(ClaimsPrincipal user, int eventId, ReactionInput input)
    {
        if (input.Emoji is not { } emoji || !Allowed.Contains(emoji))
            return Failure.NotOneOf(new Field("emoji", "Reaction"), input.Emoji ?? "", Allowed);
        var me = user.UserId()!.Value;
        var now = time.GetUtcNow();
        if (_lastBy.TryGetValue(me, out var last) && now - last < PerPersonEvery) return Failure.TooFast("One reaction every half second, please.");
        _lastBy[me] = now;
        if (_lastBy.Count > 100_000) Forget(now);
        var pending = _pending.GetOrAdd(eventId, _ => new());
        pending.Counts.AddOrUpdate(emoji, 1, (_, n) => n + 1);
        if (Interlocked.CompareExchange(ref pending.Scheduled, 1, 0) == 0) _ = FlushLaterAsync(eventId, pending);
        return emoji;
    }

    // Real time, not the app's clock: this only paces messages.
    private async Task FlushLaterAsync(int eventId, Pending pending)
    {
        await Task.Delay(Window);
        // Open the next window before taking the counts: a reaction from now on schedules its own flush, none is lost.
        Volatile.Write(ref pending.Scheduled, 0);
        var sent = new Dictionary<string, int>();
        foreach (var emoji in pending.Counts.Keys)
            if (pending.Counts.TryRemove(emoji, out var n)) sent[emoji] = n;
        if (sent.Count > 0) signals.Publish(new EventSignal(eventId, Reactions: sent));
    }

    private sealed class Pending
    {
        public readonly ConcurrentDictionary<string, int> Counts = new();
        public int Scheduled;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (person, at) in _lastBy)
            if (now - at >= PerPersonEvery) _lastBy.TryRemove(person, out _);
    }
}
