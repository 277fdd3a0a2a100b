using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Terminals.Me;

/// <summary>Reads and updates the signed-in user's own profile, for the /me page and /api/v1/me.</summary>
public sealed class UserProfileService(LingjingDbContext db, UserManager<LingjingUser> users)
{
    public async Task<UserProfile?> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return null;
        var roles = await users.GetRolesAsync(user);
        var park = user.ParkId is { } parkId
            ? await db.Set<Park>().Where(p => p.Id == parkId).Select(p => new { p.NameEn, p.NameZh }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var enterprise = user.EnterpriseId is { } enterpriseId
            ? await db.Set<Enterprise>().Where(e => e.Id == enterpriseId).Select(e => new { e.NameEn, e.NameZh }).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new UserProfile(user.Id, user.Email ?? "", user.DisplayName, user.JobTitle, user.PreferredCulture,
            roles.Order().ToList(), user.ParkId, park?.NameEn, park?.NameZh, user.EnterpriseId, enterprise?.NameEn, enterprise?.NameZh);
    }

    /// <summary>Saves a valid update; returns the errors otherwise (nothing is saved then).</summary>
    public async Task<FieldErrors> UpdateAsync(Guid userId, UserProfileUpdate update)
    {
        var errors = update.Validate();
        if (!errors.IsEmpty) return errors;
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"User {userId} does not exist.");
        user.DisplayName = update.DisplayName!.Trim();
        user.JobTitle = (update.JobTitle ?? "").Trim();
        user.PreferredCulture = update.PreferredCulture ?? "";
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("Saving the profile failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        return errors;
    }
}
