using System.Text.RegularExpressions;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>Twin and device ids: lower-case letters, digits and dashes, so they are safe in URLs,
/// MQTT topics (telemetry/{id}) and AMQP routing keys.</summary>
public static partial class TwinIds
{
    public const int MaxLength = 128;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);
}
