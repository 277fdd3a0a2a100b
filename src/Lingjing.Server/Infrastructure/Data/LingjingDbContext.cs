using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>The one database context. Features contribute their entities through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in this assembly; the schema itself is
/// created by the versioned scripts under Infrastructure/Data/Schema (see <see cref="SchemaMigrator"/>).</summary>
public sealed class LingjingDbContext(DbContextOptions<LingjingDbContext> options)
    : IdentityDbContext<LingjingUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseRevenue> EnterpriseRevenues => Set<EnterpriseRevenue>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Space> Spaces => Set<Space>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<LingjingUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(LingjingDbContext).Assembly);
        SnakeCaseNaming.Apply(builder);
    }
}
