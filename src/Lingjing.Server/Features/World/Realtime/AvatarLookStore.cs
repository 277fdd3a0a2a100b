using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>Reads and saves users' avatar looks.</summary>
public sealed class AvatarLookStore(LingjingDbContext db, TimeProvider time)
{
    public async Task<StoredAvatarLook> GetAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Set<StoredAvatarLook>().AsNoTracking().FirstOrDefaultAsync(l => l.UserId == userId, cancellationToken)
        ?? AvatarLookCatalog.DefaultFor(userId);

    /// <summary>Saves the chosen look; an uploaded model (<see cref="AvatarModelStore"/>) stays.</summary>
    public async Task<StoredAvatarLook> SaveAsync(Guid userId, string model, string shape, int bodyColor, int outfitColor, int accessory,
        CancellationToken cancellationToken)
    {
        var look = await db.Set<StoredAvatarLook>().FirstOrDefaultAsync(l => l.UserId == userId, cancellationToken);
        if (look is null)
        {
            look = new StoredAvatarLook { UserId = userId, Model = model };
            db.Add(look);
        }
        look.Model = model;
        look.Shape = shape;
        look.BodyColor = bodyColor;
        look.OutfitColor = outfitColor;
        look.Accessory = accessory;
        look.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return look;
    }
}
