namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>
/// The sequence numbers one telemetry writer gives its raw rows, and the marks it keeps in telemetry_marks. Rollups
/// fold each writer's rows in the order it committed them; alone there is one writer (node serial 0: marks
/// <c>raw_seq</c>/<c>rollup_seq</c>, numbers from 1). In a cluster every node start writes in a range of its own,
/// from its node serial times 2^40, so nodes writing at once never hand out the same number.
/// </summary>
public sealed record TelemetrySequenceRange(long Serial)
{
    private const int Bits = 40;
    private const string RawPrefix = "raw_seq";

    /// <summary>The number before the range's first.</summary>
    public long Base => Serial << Bits;

    public string RawKey => Serial == 0 ? RawPrefix : $"{RawPrefix}:{Serial}";

    public string RollupKey => Serial == 0 ? "rollup_seq" : $"rollup_seq:{Serial}";

    /// <summary>The keys of every writer's raw mark, as a SQL condition on <c>key</c>.</summary>
    public const string RawKeys = "key = 'raw_seq' OR key LIKE 'raw_seq:%'";

    public static TelemetrySequenceRange OfRawKey(string key) =>
        new(key == RawPrefix ? 0 : long.Parse(key[(RawPrefix.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
