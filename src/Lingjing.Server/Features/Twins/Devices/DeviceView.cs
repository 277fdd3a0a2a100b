namespace Lingjing.Server.Features.Twins.Devices;

/// <summary>A device as its park's operators see it. <see cref="LastSeen"/>: when it last sent telemetry.</summary>
public sealed record DeviceView(string Id, string ModelId, string NameEn, string NameZh, DateTime CreatedAt, DateTime TokenIssuedAt, DateTimeOffset? LastSeen);

/// <summary>A device just registered or given a new token: the token is shown this once.</summary>
public sealed record DeviceCredentials(string DeviceId, string Token, string TelemetryUrl, string MqttTopic);

public sealed record RegisterDeviceRequest(string TwinId);
