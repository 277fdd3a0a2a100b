namespace Lingjing.World.Bus;

/// <summary>Takes batches from the bus. May be called on any thread; must not block.</summary>
public interface ICellBatchReceiver
{
    void Receive(WorldCellBatch batch);
}
