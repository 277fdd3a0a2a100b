namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>What became of a request's readings: accepted (durable) with the point count, or a status and why not.</summary>
public sealed record IngestOutcome(int Status, int Points, string? Problem)
{
    public static IngestOutcome Accepted(int points) => new(200, points, null);
    public static IngestOutcome Bad(string problem) => new(400, 0, problem);
    public static IngestOutcome Busy(string problem) => new(503, 0, problem);
}
