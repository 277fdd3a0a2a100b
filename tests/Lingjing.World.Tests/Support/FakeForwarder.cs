using System.Collections.Concurrent;
using Lingjing.World.Media;
using Lingjing.World.Protocol;

namespace Lingjing.World.Tests.Support;

/// <summary>A forwarder that records what the world asks of it and answers at once (or fails, when told to).</summary>
public sealed class FakeForwarder : ISelectiveForwarder
{
    public ConcurrentQueue<(uint Avatar, ForwarderSignalKind Kind, uint Feed)> Requests { get; } = new();

    /// <summary>The room of every request, in order.</summary>
    public ConcurrentQueue<string> Rooms { get; } = new();
    public ConcurrentQueue<uint> Left { get; } = new();
    public ConcurrentQueue<(uint Avatar, bool Silenced)> Silenced { get; } = new();
    public bool Fail { get; set; }

    public event Action<ForwarderParty, ForwarderSignal>? Closed;

    public Task<ForwarderSignal?> HandleAsync(ForwarderParty party, ForwarderSignal request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((party.AvatarId, request.Kind, request.Feed));
        Rooms.Enqueue(party.Room);
        if (Fail) return Task.FromException<ForwarderSignal?>(new InvalidOperationException("forwarder down"));
        ForwarderSignal? reply = request.Kind switch
        {
            ForwarderSignalKind.Publish => new ForwarderSignal { Kind = ForwarderSignalKind.Publish, Sdp = "answer" },
            ForwarderSignalKind.Mix => new ForwarderSignal { Kind = ForwarderSignalKind.Mix, Feed = ForwarderFeeds.Mix, Sdp = "mix answer" },
            ForwarderSignalKind.Subscribe => new ForwarderSignal { Kind = ForwarderSignalKind.Subscribe, Feed = request.Feed, Sdp = "offer" },
            _ => null,
        };
        return Task.FromResult(reply);
    }

    public Task SilenceAsync(ForwarderParty party, bool silenced, CancellationToken cancellationToken)
    {
        Silenced.Enqueue((party.AvatarId, silenced));
        return Task.CompletedTask;
    }

    public Task LeaveAsync(ForwarderParty party, CancellationToken cancellationToken)
    {
        Left.Enqueue(party.AvatarId);
        return Task.CompletedTask;
    }

    public void CloseByItself(string worldId, uint avatarId, uint feed) =>
        Closed?.Invoke(new ForwarderParty(worldId, avatarId, ""),
            new ForwarderSignal { Feed = feed, Kind = ForwarderSignalKind.Close, Reason = MediaRefuseReason.ForwarderFailed });
}
