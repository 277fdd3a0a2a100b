namespace Lingjing.Server.Infrastructure.Realtime;

/// <summary>Carries a <see cref="LiveBroadcast{T}"/>'s messages to the other nodes of a cluster and theirs here. Only
/// registered when Lingjing runs as a cluster; alone, a broadcast stays in the process.</summary>
public interface ILiveRelay
{
    /// <summary>Messages of <paramref name="topic"/> published on other nodes are handed to <paramref name="deliver"/>.</summary>
    void Attach(string topic, Action<ReadOnlyMemory<byte>> deliver);

    /// <summary>Sends a message published here to the other nodes; never blocks or throws at the publisher.</summary>
    void Forward(string topic, ReadOnlyMemory<byte> message);
}
