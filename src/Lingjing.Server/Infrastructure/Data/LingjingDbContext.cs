using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>The one database context. Features contribute their entities through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in their own folders, discovered here, and
/// reach them with <c>Set&lt;T&gt;()</c>: this class names no feature's entity but the account type
/// that ASP.NET Core Identity is built on. The schema itself is
/// created by the versioned scripts under Infrastructure/Data/Schema (see <see cref="SchemaMigrator"/>).</summary>
public sealed class LingjingDbContext(DbContextOptions<LingjingDbContext> options)
    : IdentityDbContext<LingjingUser, IdentityRole<Guid>, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LingjingDbContext).Assembly);
        SnakeCaseNaming.Apply(builder);
    }
}
