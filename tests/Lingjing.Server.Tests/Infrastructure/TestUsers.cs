using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>Creates accounts directly through Identity, for tests that do not use the demo zone.</summary>
public static class TestUsers
{
    public const string Password = "Correct#Horse1";

    /// <summary>The display name a user is created with: the address before the @.</summary>
    public static string NameOf(string email) => email.Split('@')[0];

    public static async Task<LingjingUser> CreateAsync(LingjingApp app, string email, string role, int? parkId = null, int? enterpriseId = null, int? institutionId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
        if (institutionId is null) return await CreateAsync(users, email, Password, parkId, enterpriseId, role);
        var user = await CreateAsync(users, email, Password, parkId, enterpriseId, role);
        user.InstitutionId = institutionId;
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        return user;
    }

    public static async Task<LingjingUser> CreateAsync(
        UserManager<LingjingUser> users, string email, string password, int? parkId, int? enterpriseId, params string[] roles)
    {
        var user = new LingjingUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = NameOf(email),
            ParkId = parkId,
            EnterpriseId = enterpriseId,
            CreatedAt = TestClock.Now.UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRolesAsync(user, roles)).Succeeded.ShouldBeTrue();
        return user;
    }
}
