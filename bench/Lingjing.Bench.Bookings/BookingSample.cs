namespace Lingjing.Bench.Bookings;

/// <summary>One booking request: HTTP status (0 when the request failed without an answer), latency
/// until the whole body was read, and when it completed (seconds since the run began).</summary>
public readonly record struct BookingSample(int Status, double Milliseconds, double CompletedAtSeconds);
