using System.Net.Mail;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.World.Guests;

/// <summary>The people each park's operators invited into the park's world.</summary>
public sealed class WorldGuestList(LingjingDbContext db, TimeProvider time)
{
    public const int MaxEmailLength = 256;

    public sealed record Invitation(long Id, string Email, DateTimeOffset InvitedAt);

    public enum InviteOutcome { Invited, AlreadyInvited, InvalidEmail }

    public async Task<IReadOnlyList<Invitation>> ListAsync(int parkId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<WorldGuest>().AsNoTracking().Where(g => g.ParkId == parkId)
            .OrderBy(g => g.NormalizedEmail).ToListAsync(cancellationToken);
        return rows.Select(ToInvitation).ToList();
    }

    public async Task<(InviteOutcome Outcome, Invitation? Invitation)> InviteAsync(int parkId, string? email, Guid? invitedBy,
        CancellationToken cancellationToken)
    {
        if (Normalize(email) is not { } normalized) return (InviteOutcome.InvalidEmail, null);
        if (await db.Set<WorldGuest>().AnyAsync(g => g.ParkId == parkId && g.NormalizedEmail == normalized, cancellationToken))
            return (InviteOutcome.AlreadyInvited, null);
        var guest = new WorldGuest
        {
            ParkId = parkId,
            Email = email!.Trim(),
            NormalizedEmail = normalized,
            InvitedBy = invitedBy,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(guest);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same invitation was saved a moment ago by another request (the unique index said so).
            return (InviteOutcome.AlreadyInvited, null);
        }
        return (InviteOutcome.Invited, ToInvitation(guest));
    }

    /// <summary>Withdraws an invitation of this park; false when there is none with that id.</summary>
    public async Task<bool> RevokeAsync(int parkId, long id, CancellationToken cancellationToken) =>
        await db.Set<WorldGuest>().Where(g => g.ParkId == parkId && g.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The parks whose worlds invited this email.</summary>
    public async Task<IReadOnlySet<int>> ParksInvitingAsync(string? email, CancellationToken cancellationToken)
    {
        if (Normalize(email) is not { } normalized) return new HashSet<int>();
        var parks = await db.Set<WorldGuest>().AsNoTracking().Where(g => g.NormalizedEmail == normalized)
            .Select(g => g.ParkId).ToListAsync(cancellationToken);
        return parks.ToHashSet();
    }

    /// <summary>The upper-case form of a plausible address (one @, something on both sides), else null.</summary>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxEmailLength) return null;
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || address.DisplayName.Length > 0) return null;
        return trimmed.ToUpperInvariant();
    }

    private static Invitation ToInvitation(WorldGuest g) =>
        new(g.Id, g.Email, new DateTimeOffset(DateTime.SpecifyKind(g.CreatedAt, DateTimeKind.Utc)));
}
