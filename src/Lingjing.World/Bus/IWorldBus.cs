using Lingjing.World.Bus.Wire;
using Lingjing.World.Grid;

namespace Lingjing.World.Bus;

/// <summary>
/// Joins the nodes that share a world. Each node is authoritative for the avatars connected to it,
/// publishes one batch per changed cell per tick (and every occupied cell at each keyframe), and
/// subscribes to the cells its clients can see. Everything else that crosses nodes (who arrived and left,
/// chat, emotes, media signals, moderation) travels as events. The in-process implementation serves a
/// single node (or nodes in one process, in tests); the cluster one relays through the world's owner.
/// </summary>
public interface IWorldBus
{
    /// <summary>The channel of zone-wide events (bans from every world), subscribed by every node.</summary>
    public const string ZoneChannel = "*";

    void Publish(WorldCellBatch batch);

    void Publish(BusEvent message);

    /// <summary>Receive batches of one cell until the subscription is disposed.</summary>
    IDisposable SubscribeCell(string worldId, GridCell cell, ICellBatchReceiver receiver);

    /// <summary>Receive batches of every cell of a world (the naive baseline uses this).</summary>
    IDisposable SubscribeWorld(string worldId, ICellBatchReceiver receiver);

    /// <summary>Receive a world's events until disposed, starting with the avatars other nodes hold there now
    /// (arrivals marked as replay). Receivers see their own node's events too and skip them.</summary>
    IDisposable SubscribeEvents(string worldId, IBusEventReceiver receiver);

    /// <summary>The node has moved every world on by a tick: what was published during it may leave as one batch.</summary>
    void TickCompleted() { }

    /// <summary>How long a node waits after <see cref="TickCompleted"/> before it composes its clients' snapshots, so
    /// that the batches other nodes sent at the same tick are in them (nodes tick together, on wall-clock multiples of
    /// the period). Zero for a node alone: its own batches are delivered as they are published.</summary>
    TimeSpan GatherWindow => TimeSpan.Zero;
}
