namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Sees every committed batch on the writer's loop (after the devices were answered).
/// Must be quick and must not block: hand slow work to a queue of its own.</summary>
public interface ITelemetryObserver
{
    void Committed(IReadOnlyList<IngestBatch> batches);
}
