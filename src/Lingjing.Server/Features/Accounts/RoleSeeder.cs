using Lingjing.Server.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Lingjing.Server.Features.Accounts;

/// <summary>Makes sure the five roles exist.</summary>
internal sealed class RoleSeeder(RoleManager<IdentityRole<Guid>> roles) : IDataInitializer
{
    public int Order => 0;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = RoleIds.For(role) });
    }
}
