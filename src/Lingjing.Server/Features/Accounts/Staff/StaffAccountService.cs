using System.Security.Claims;
using System.Security.Cryptography;
using Lingjing.Server.Features.Accounts.Sessions;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Accounts.Staff;

/// <summary>Administrators lock, unlock and reset the passwords of the accounts in their scope: the
/// government every account, a park operator the operators of their park and the staff of the
/// enterprises and institutions in it. An account outside the scope is not found, like one that does not exist.</summary>
public sealed class StaffAccountService(LingjingDbContext db, UserManager<LingjingUser> users, SessionStore sessions, TimeProvider time)
{
    public const int MaxPageSize = 100;

    /// <summary>Far enough ahead to mean "until unlocked"; Identity treats it as a lockout.</summary>
    private static readonly DateTimeOffset UntilUnlocked = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public async Task<ResultPage<StaffAccount>> ListAsync(ClaimsPrincipal admin, string? query, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var accounts = InScope(admin);
        if (!string.IsNullOrWhiteSpace(query))
        {
            accounts = accounts.WhereAnyContains(query, u => u.Email!, u => u.DisplayName);
        }
        var total = await accounts.CountAsync(ct);
        var rows = await accounts.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return new ResultPage<StaffAccount>(rows.Select(u => new StaffAccount(u.Id, u.Email ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.ParkId, u.EnterpriseId,
            u.LockoutEnd > now, u.LockoutEnd > now && u.LockoutEnd < UntilUnlocked ? u.LockoutEnd : null)).ToList(), total, page, pageSize);
    }

    /// <summary>Locks the account until unlocked and ends all its sessions at once.</summary>
    public Task<StaffActionResult> LockAsync(ClaimsPrincipal admin, Guid id) => ActAsync(admin, id, async user =>
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, UntilUnlocked);
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id);
    });

    public Task<StaffActionResult> UnlockAsync(ClaimsPrincipal admin, Guid id) => ActAsync(admin, id, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    });

    /// <summary>Sets a new random password, ends all the account's sessions and returns the password
    /// for the administrator to hand over.</summary>
    public async Task<(StaffActionResult Result, TemporaryPassword? Password)> ResetPasswordAsync(ClaimsPrincipal admin, Guid id)
    {
        string? password = null;
        var result = await ActAsync(admin, id, async user =>
        {
            password = NewPassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded) throw new InvalidOperationException(string.Join("; ", reset.Errors.Select(e => e.Description)));
            await sessions.EndAllAsync(user.Id);
        });
        return (result, password is null ? null : new TemporaryPassword(id, password));
    }

    private async Task<StaffActionResult> ActAsync(ClaimsPrincipal admin, Guid id, Func<LingjingUser, Task> action)
    {
        if (admin.UserId() == id) return StaffActionResult.NotYourself;
        if (await InScope(admin).FirstOrDefaultAsync(u => u.Id == id) is not { } user) return StaffActionResult.NotFound;
        await action(user);
        return StaffActionResult.Done;
    }

    private IQueryable<LingjingUser> InScope(ClaimsPrincipal admin)
    {
        if (admin.IsInRole(Roles.Government)) return db.Users;
        if (admin.IsInRole(Roles.ParkOperator) && admin.ParkId() is { } park)
            return db.Users.Where(u => u.ParkId == park || db.Set<Enterprise>().Any(e => e.Id == u.EnterpriseId && e.ParkId == park)
                || db.Set<Institution>().Any(i => i.Id == u.InstitutionId && i.ParkId == park));
        return db.Users.Where(_ => false);
    }

    /// <summary>16 letters and digits, with at least one upper-case letter, one lower-case letter and one digit.</summary>
    private static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        const string all = upper + lower + digits;
        for (var i = 3; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
