namespace Lingjing.World;

/// <summary>A STUN or TURN server the browsers use to connect their media (the fields of an RTCIceServer).</summary>
public sealed record IceServerOptions(IReadOnlyList<string> Urls, string? Username = null, string? Credential = null);
