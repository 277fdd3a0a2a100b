using Lingjing.Bench.Shared;

namespace Lingjing.Bench.Bookings;

/// <summary>What one run measured; written to bench/results/bookings-&lt;database&gt;.json.</summary>
public sealed record BookingBenchResult(
    string Database,
    DateTime MeasuredUtc,
    int ProcessorCount,
    int Clients,
    int Accounts,
    int HotSpaces,
    int SlotsOffered,
    double Seconds,
    int Requests,
    double RequestsPerSecond,
    int Created,
    double BookingsPerSecond,
    int Conflicts,
    IReadOnlyDictionary<string, int> OtherStatuses,
    Percentiles Latency,
    Percentiles LatencyCreated,
    Percentiles LatencyConflict,
    IReadOnlyList<TimelineStep> Timeline,
    long LiveBookingsInDatabase,
    long BenchLiveBookingsInDatabase,
    long DoubleBookingsInDatabase,
    double? PgbenchTps,
    string? PgbenchCommand,
    double? RequestsToPgbenchRatio,
    double? BookingsToPgbenchRatio,
    double ServerCpuSeconds,
    double ClientCpuSeconds,
    double PostgresBackendCpuSeconds,
    double MachineCpuSeconds,
    double MachineBusyPercent,
    double[] LoadAverage,
    int? ServerExitedDuringRunWithCode,
    IReadOnlyList<string> ServerArguments,
    IReadOnlyList<SequentialProbe.ProbeKind> SequentialProbe,
    int ProbeBookingsCreated,
    double FirstRunSeconds,
    double SignInSeconds,
    string Command);

/// <summary>Completed requests per 10-second step: the slots fill up, so 201s give way to 409s.</summary>
public sealed record TimelineStep(int FromSecond, int Created, int Conflicts, int Other);
