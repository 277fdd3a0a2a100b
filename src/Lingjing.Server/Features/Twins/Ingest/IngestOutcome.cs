namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>What became of a request's readings: accepted (durable) with the point count, or a status and why not.</summary>
public sealed record IngestOutcome(int Status, int Points, string? Problem)
{
    public static IngestOutcome Accepted(int points) => new(200, points, null);
    public static IngestOutcome Bad(string problem) => new(400, 0, problem);
    public static IngestOutcome Busy(string problem) => new(503, 0, problem);

    /// <summary>A refusal as a failure. The words are for the device's engineers and name its telemetry as
    /// its model declares them, in English in every language.</summary>
    public Failure ToFailure() => new(Status, new(Status == 503 ? "Busy" : "The request is not valid"), new("{0}", Problem));
}
