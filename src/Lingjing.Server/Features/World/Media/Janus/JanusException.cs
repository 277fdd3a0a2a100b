namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>An error Janus answered: a Janus API error (<c>error.code</c>, e.g. 403 for a wrong api secret, 458 for a
/// session Janus no longer knows) or a plugin's (<c>plugindata.data.error_code</c>, e.g. VideoRoom's 433 for a
/// missing or wrong token).</summary>
public sealed class JanusException(int code, string reason) : Exception($"Janus error {code}: {reason}")
{
    /// <summary>Janus API: "unauthorized" (wrong or missing api secret).</summary>
    public const int Unauthorized = 403;

    /// <summary>Janus API: no such session (Janus restarted, or the session timed out or was destroyed).</summary>
    public const int SessionNotFound = 458;

    /// <summary>Janus API: no such handle.</summary>
    public const int HandleNotFound = 459;

    public int Code { get; } = code;
    public string Reason { get; } = reason;
}
