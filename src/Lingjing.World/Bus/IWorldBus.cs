using Lingjing.World.Grid;

namespace Lingjing.World.Bus;

/// <summary>
/// Joins the nodes that share a world. Each node is authoritative for the avatars connected to it,
/// publishes one batch per changed cell per tick (and every occupied cell at each keyframe), and
/// subscribes to the cells its clients can see. The in-process implementation serves a single node;
/// a broker-backed one (RabbitMQ topic "world.{id}.cell.{x}.{z}") joins several.
/// </summary>
public interface IWorldBus
{
    void Publish(WorldCellBatch batch);

    /// <summary>Receive batches of one cell until the subscription is disposed.</summary>
    IDisposable SubscribeCell(string worldId, GridCell cell, ICellBatchReceiver receiver);

    /// <summary>Receive batches of every cell of a world (the naive baseline uses this).</summary>
    IDisposable SubscribeWorld(string worldId, ICellBatchReceiver receiver);
}
