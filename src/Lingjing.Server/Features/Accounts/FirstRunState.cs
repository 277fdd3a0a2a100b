using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Accounts;

/// <summary>Whether anyone can sign in yet. Without demo data, the first visitor creates the
/// government administrator at /setup; until then every page leads there.</summary>
public sealed class FirstRunState(IServiceScopeFactory scopes)
{
    private volatile bool hasUsers;

    public async Task<bool> NeedsSetupAsync(CancellationToken cancellationToken = default)
    {
        if (hasUsers) return false;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        hasUsers = await db.Users.AnyAsync(cancellationToken);
        return !hasUsers;
    }

    public void MarkSetUp() => hasUsers = true;
}
