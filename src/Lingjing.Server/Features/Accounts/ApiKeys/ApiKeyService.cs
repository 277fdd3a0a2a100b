using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Accounts.ApiKeys;

/// <summary>Making, listing and revoking an organisation's API keys, and signing a request in with one.</summary>
public sealed class ApiKeyService(LingjingDbContext db, UserManager<LingjingUser> users, IUserClaimsPrincipalFactory<LingjingUser> principals, TimeProvider time)
{
    public const string Marker = "ljk_";
    public const int MaxActivePerOwner = 50, MaxDays = 730;
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static readonly Field NameField = new("name", "Name");
    public static readonly Field ScopesField = new("scopes", "Scopes");
    public static readonly Field ExpiryField = new("expiresInDays", "Expires in (days)");

    /// <summary>Whose keys a person administers: the government's, their park's or their enterprise's; null for others.</summary>
    public static (string Kind, int? Id)? OwnerOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Government) ? (ApiKeyOwners.Government, null)
        : user.IsInRole(Roles.ParkOperator) && user.ParkId() is { } park ? (ApiKeyOwners.Park, park)
        : user.IsInRole(Roles.EnterpriseAdmin) && user.EnterpriseId() is { } enterprise ? (ApiKeyOwners.Enterprise, enterprise)
        : null;

    public async Task<Outcome<List<ApiKeyView>>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (OwnerOf(user) is not var (kind, id)) return NotAnAdministrator();
        var now = time.GetUtcNow().UtcDateTime;
        var keys = await db.Set<ApiKey>().AsNoTracking().Where(k => k.OwnerKind == kind && k.OwnerId == id).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        var creators = await db.Users.AsNoTracking().Where(u => keys.Select(k => k.CreatedBy).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return keys.Select(k => ApiKeyView.Of(k, creators.GetValueOrDefault(k.CreatedBy, ""), now)).ToList();
    }

    public async Task<Outcome<ApiKeyCreated>> CreateAsync(ClaimsPrincipal user, ApiKeyInput input, CancellationToken ct)
    {
        if (OwnerOf(user) is not var (kind, id)) return NotAnAdministrator();
        var errors = new FieldErrors();
        errors.Required(NameField, input.Name, 100);
        var scopes = (input.Scopes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0) errors.Add(ScopesField, "Choose at least one scope.");
        foreach (var unknown in scopes.Where(s => ApiScopes.Find(s) is null))
            errors.Add(ScopesField, Failure.NotKnown, unknown, string.Join(", ", ApiScopes.All.Select(s => s.Code)));
        if (input.ExpiresInDays is not (>= 1 and <= MaxDays)) errors.Add(ExpiryField, "A whole number of days from {0} to {1}.", 1, MaxDays);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Set<ApiKey>().CountAsync(k => k.OwnerKind == kind && k.OwnerId == id && k.RevokedAt == null && k.ExpiresAt > now, ct) >= MaxActivePerOwner)
            return Failure.Conflict("At most {0} keys may be active at once; revoke one you no longer use.", MaxActivePerOwner);

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var key = $"{Marker}{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        var row = new ApiKey
        {
            Id = Guid.NewGuid(), Name = input.Name!.Trim(), Prefix = prefix, SecretHash = Hash(key), Scopes = string.Join(' ', scopes),
            OwnerKind = kind, OwnerId = id, CreatedBy = user.UserId()!.Value, CreatedAt = now, ExpiresAt = now.AddDays(input.ExpiresInDays!.Value),
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new ApiKeyCreated(key, ApiKeyView.Of(row, user.DisplayName(), now));
    }

    public async Task<Outcome<ApiKeyView>> RevokeAsync(ClaimsPrincipal user, Guid keyId, CancellationToken ct)
    {
        if (OwnerOf(user) is not var (kind, id)) return NotAnAdministrator();
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == keyId && k.OwnerKind == kind && k.OwnerId == id, ct);
        if (key is null) return Failure.NotFound("Your organisation has no API key {0}.", keyId);
        var now = time.GetUtcNow().UtcDateTime;
        if (key.RevokedAt is null)
        {
            key.RevokedAt = now;
            key.RevokedBy = user.UserId();
            await db.SaveChangesAsync(ct);
        }
        return ApiKeyView.Of(key, await db.Users.Where(u => u.Id == key.CreatedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "", now);
    }

    /// <summary>The person a key acts for, with the key's id and scopes as claims; or why it is refused (a 401 the
    /// caller reads). Read from the database on every request, so a revocation holds from the next request on, on every
    /// node.</summary>
    public async Task<(ClaimsPrincipal? Principal, Failure? Refusal)> AuthenticateAsync(string token, string scheme, CancellationToken ct)
    {
        var parts = token.Split('_');
        if (parts.Length != 3 || parts[0] + "_" != Marker) return (null, Failure.NotSignedIn("This is not an API key: a key reads ljk_, ten characters, _ and its secret."));
        var key = await db.Set<ApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == parts[1], ct);
        if (key is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(Hash(token))))
            return (null, Failure.NotSignedIn("The API key is not known."));
        var now = time.GetUtcNow().UtcDateTime;
        if (key.RevokedAt is not null) return (null, Failure.NotSignedIn("The API key \"{0}\" was revoked.", key.Name));
        if (key.ExpiresAt <= now) return (null, Failure.NotSignedIn("The API key \"{0}\" has expired.", key.Name));
        var creator = await users.FindByIdAsync(key.CreatedBy.ToString());
        if (creator is null || await users.IsLockedOutAsync(creator))
            return (null, Failure.NotSignedIn("The person the API key \"{0}\" acts for can no longer sign in.", key.Name));
        if (key.LastUsedAt is not { } used || now - used >= LastUsedResolution)
            await db.Set<ApiKey>().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        var person = (ClaimsIdentity)(await principals.CreateAsync(creator)).Identity!;
        var identity = new ClaimsIdentity(person.Claims, scheme, person.NameClaimType, person.RoleClaimType);
        identity.AddClaim(new Claim(ApiKeyClaims.KeyId, key.Id.ToString()));
        foreach (var scope in key.ScopeList()) identity.AddClaim(new Claim(ApiKeyClaims.Scope, scope));
        return (new ClaimsPrincipal(identity), null);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static Failure NotAnAdministrator() =>
        Failure.Forbidden("API keys belong to an organisation: the government, a park (its operators) or an enterprise (its administrators).");
}

public static class ApiKeyClaims
{
    public const string KeyId = "lingjing:api-key";
    public const string Scope = "lingjing:scope";

    public static bool IsApiKey(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == KeyId);
}

/// <param name="ExpiresInDays">From 1 to 730.</param>
public sealed record ApiKeyInput(string? Name, IReadOnlyList<string>? Scopes, int? ExpiresInDays);

/// <param name="Key">The key itself: shown this once, never again.</param>
public sealed record ApiKeyCreated(string Key, ApiKeyView ApiKey);

/// <param name="State">active, expired or revoked.</param>
public sealed record ApiKeyView(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string CreatedBy, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? LastUsedAt, DateTime? RevokedAt, string State)
{
    public static ApiKeyView Of(ApiKey k, string createdBy, DateTime now) => new(k.Id, k.Name, $"{ApiKeyService.Marker}{k.Prefix}_…", k.ScopeList(), createdBy,
        k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt, k.RevokedAt is not null ? "revoked" : k.ExpiresAt <= now ? "expired" : "active");
}
