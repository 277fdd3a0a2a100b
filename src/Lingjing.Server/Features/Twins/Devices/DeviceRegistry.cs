using System.Collections.Concurrent;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Devices;

/// <summary>All devices by token hash and by id, in memory, so checking a device's token costs one
/// SHA-256 and a lookup. Kept in step by <see cref="DeviceService"/>.</summary>
public sealed class DeviceRegistry
{
    private readonly ConcurrentDictionary<string, DeviceIdentity> byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> hashById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeviceIdentity> byId = new(StringComparer.Ordinal);

    public int Count => hashById.Count;

    public DeviceIdentity? Authenticate(string? token) =>
        string.IsNullOrEmpty(token) || token.Length > 200 ? null : byHash.GetValueOrDefault(DeviceTokens.Hash(token));

    public bool Exists(string id) => hashById.ContainsKey(id);

    public DeviceIdentity? Find(string id) => byId.GetValueOrDefault(id);

    public IReadOnlyCollection<DeviceIdentity> All => byId.Values.ToList();

    public void Set(DeviceIdentity device, string tokenHash)
    {
        if (hashById.TryGetValue(device.Id, out var old)) byHash.TryRemove(old, out _);
        byHash[tokenHash] = device;
        hashById[device.Id] = tokenHash;
        byId[device.Id] = device;
    }

    public void Remove(string id)
    {
        if (hashById.TryRemove(id, out var hash)) byHash.TryRemove(hash, out _);
        byId.TryRemove(id, out _);
    }

    public async Task LoadAsync(LingjingDbContext db, CancellationToken ct)
    {
        foreach (var d in await db.Set<Device>().AsNoTracking().ToListAsync(ct))
            Set(new DeviceIdentity(d.Id, d.ParkId, d.ModelId), d.TokenHash);
    }
}
