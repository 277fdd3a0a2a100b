using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Devices;

/// <summary>Registers devices for twins of a park, issues and replaces their tokens, removes them.</summary>
public sealed class DeviceService(LingjingDbContext db, DeviceRegistry registry, TwinModelCatalog models, LatestValues latest, TimeProvider time)
{
    public async Task<List<DeviceView>> ListAsync(int parkId, CancellationToken ct)
    {
        var rows = await (from d in db.Set<Device>().AsNoTracking()
                          join t in db.Set<Twin>().AsNoTracking() on d.Id equals t.Id
                          where d.ParkId == parkId
                          orderby d.Id
                          select new { d, t.NameEn, t.NameZh }).ToListAsync(ct);
        return rows.Select(r => new DeviceView(r.d.Id, r.d.ModelId, r.NameEn, r.NameZh, r.d.CreatedAt, r.d.TokenIssuedAt,
            latest.LastSeen(r.d.Id) is { } seen ? DateTimeOffset.FromUnixTimeMilliseconds(seen) : null)).ToList();
    }

    /// <summary>Registers the twin as a device and returns its credentials (the token shown this once).</summary>
    public async Task<Outcome<DeviceCredentials>> RegisterAsync(string twinId, ClaimsPrincipal user, CancellationToken ct)
    {
        var parkId = user.ParkId();
        var twin = await db.Set<Twin>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == twinId, ct);
        if (twin is null || twin.ParkId != parkId) return Failure.NotFound("There is no twin {0} in your park.", twinId);
        var model = models.Find(twin.ModelId);
        if (model is null || !model.Telemetry.Any() && !model.Components.Any())
            return Failure.Invalid("Twin {0} is a {1}, which declares no telemetry: only sensors and machines send readings.", twinId, twin.ModelId);
        if (await db.Set<Device>().AnyAsync(d => d.Id == twinId, ct))
            return Failure.Conflict("Twin {0} is a registered device already; issue a new token for it instead.", twinId).Titled("Already registered");
        var token = DeviceTokens.New();
        var now = time.GetUtcNow().UtcDateTime;
        var device = new Device { Id = twin.Id, ParkId = parkId!.Value, ModelId = twin.ModelId, TokenHash = DeviceTokens.Hash(token), CreatedBy = user.UserId(), CreatedAt = now, TokenIssuedAt = now };
        db.Add(device);
        await db.SaveChangesAsync(ct);
        registry.Set(new DeviceIdentity(device.Id, device.ParkId, device.ModelId), device.TokenHash);
        return Credentials(device.Id, token);
    }

    public async Task<DeviceCredentials?> RenewTokenAsync(string deviceId, int parkId, CancellationToken ct)
    {
        var device = await db.Set<Device>().FirstOrDefaultAsync(d => d.Id == deviceId && d.ParkId == parkId, ct);
        if (device is null) return null;
        var token = DeviceTokens.New();
        device.TokenHash = DeviceTokens.Hash(token);
        device.TokenIssuedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        registry.Set(new DeviceIdentity(device.Id, device.ParkId, device.ModelId), device.TokenHash);
        return Credentials(device.Id, token);
    }

    public async Task<bool> DeleteAsync(string deviceId, int parkId, CancellationToken ct)
    {
        var deleted = await db.Set<Device>().Where(d => d.Id == deviceId && d.ParkId == parkId).ExecuteDeleteAsync(ct);
        if (deleted == 0) return false;
        registry.Remove(deviceId);
        return true;
    }

    private static DeviceCredentials Credentials(string id, string token) => new(id, token, $"/api/v1/devices/{id}/telemetry", $"telemetry/{id}");
}
