using System.Diagnostics.Metrics;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>The meter <c>Lingjing.Ingest</c>: telemetry points committed to the database since start, and
/// points waiting in the queue (its capacity is where ingest starts answering 503).</summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Lingjing.Ingest";

    public IngestMetrics(IMeterFactory meters, TelemetryWriter writer, TelemetryQueue queue)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("lingjing.ingest.points_committed", () => writer.CommittedPoints, description: "Telemetry points durably written");
        meter.CreateObservableUpDownCounter("lingjing.ingest.points_queued", () => queue.Held, description: "Telemetry points waiting for the writer");
        meter.CreateObservableUpDownCounter("lingjing.ingest.queue_capacity", () => queue.Capacity, description: "Points the queue holds before ingest answers 503");
    }
}
