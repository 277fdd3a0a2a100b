namespace Lingjing.Server.Features.Twins.Devices;

/// <summary>Who a device token stands for.</summary>
public sealed record DeviceIdentity(string Id, int ParkId, string ModelId);
