using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Terminals.Me;

public static class MeApi
{
    public static void MapMeApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization(Policies.SignedIn);
        me.MapGet("", GetAsync).WithSummary("The signed-in user's profile");
        me.MapPut("", UpdateAsync).WithSummary("Change the signed-in user's display name, job title and preferred language");
    }

    private static async Task<Results<Ok<UserProfile>, NotFound>> GetAsync(HttpContext http, UserProfileService profiles, CancellationToken ct) =>
        http.User.UserId() is { } id && await profiles.GetAsync(id, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult, NotFound>> UpdateAsync(
        UserProfileUpdate update, HttpContext http, UserProfileService profiles, CancellationToken ct)
    {
        if (http.User.UserId() is not { } id || await profiles.GetAsync(id, ct) is null) return TypedResults.NotFound();
        var errors = await profiles.UpdateAsync(id, update);
        if (!errors.IsEmpty)
            return Failure.Invalid(errors).Titled("The profile is not valid").ToProblem();
        return TypedResults.Ok((await profiles.GetAsync(id, ct))!);
    }
}
