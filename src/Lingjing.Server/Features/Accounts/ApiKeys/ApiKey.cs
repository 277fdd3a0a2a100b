using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Accounts.ApiKeys;

/// <summary>
/// A named credential for a machine (a finance system, an access-control server): it acts as the person who created
/// it, limited to its <see cref="Scopes"/>, until it expires or is revoked. It belongs to that person's organisation
/// (<see cref="OwnerKind"/>: the government, a park, an enterprise), whose administrators see and revoke it. Only the
/// SHA-256 of its secret is kept; the key itself is shown once, when it is made.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The key's public part (<c>ljk_{Prefix}_…</c>), to find it without scanning every hash.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string SecretHash { get; set; }
    /// <summary>Space-separated codes from <see cref="ApiScopes"/>.</summary>
    public required string Scopes { get; set; }
    /// <summary>Code from <see cref="ApiKeyOwners"/>.</summary>
    public required string OwnerKind { get; set; }
    /// <summary>The park or enterprise it belongs to; null for the government.</summary>
    public int? OwnerId { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }

    public IReadOnlyList<string> ScopeList() => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

public static class ApiKeyOwners
{
    public const string Government = "government";
    public const string Park = "park";
    public const string Enterprise = "enterprise";
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.HasIndex(k => k.Prefix).IsUnique();
        key.HasIndex(k => new { k.OwnerKind, k.OwnerId });
    }
}
