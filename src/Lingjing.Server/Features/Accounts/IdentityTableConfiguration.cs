using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Accounts;

/// <summary>The table names of ASP.NET Core Identity's entities in our schema (users, roles, ...),
/// instead of Identity's AspNet* defaults.</summary>
public sealed class IdentityTableConfiguration :
    IEntityTypeConfiguration<LingjingUser>, IEntityTypeConfiguration<IdentityRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserRole<Guid>>, IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>, IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<LingjingUser> user) => user.ToTable("users");
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> role) => role.ToTable("roles");
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> userRole) => userRole.ToTable("user_roles");
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> claim) => claim.ToTable("user_claims");
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> login) => login.ToTable("user_logins");
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> token) => token.ToTable("user_tokens");
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> claim) => claim.ToTable("role_claims");
}
