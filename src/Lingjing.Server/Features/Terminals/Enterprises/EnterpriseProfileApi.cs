using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.EnterpriseFacts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Terminals.Enterprises;

/// <summary>Enterprise profiles. Another enterprise's profile answers 404, exactly like one that does
/// not exist, so ids cannot be probed.</summary>
public static class EnterpriseProfileApi
{
    public static void MapEnterpriseProfileApi(this WebApplication app)
    {
        var own = app.MapGroup("/api/v1/enterprise/profile").WithTags("Enterprise");
        own.MapGet("", GetOwnAsync).RequireAuthorization(Policies.EnterpriseStaff)
            .WithSummary("The profile of the caller's own enterprise");
        own.MapPut("", UpdateOwnAsync).RequireAuthorization(Policies.EnterpriseAdmin)
            .WithSummary("Change the caller's own enterprise profile (enterprise administrators); new employees or tags wait for review (see pendingChanges)");

        var byId = app.MapGroup("/api/v1/enterprises/{id:int}/profile").WithTags("Enterprise");
        // Only roles that can ever read a profile get past the door (403 for the rest); among them,
        // staff of another enterprise get 404.
        byId.MapGet("", GetByIdAsync).RequireAuthorization(p => p.RequireRole(Roles.Government, Roles.EnterpriseAdmin, Roles.EnterpriseMember))
            .WithSummary("An enterprise profile: any enterprise for government, only their own for enterprise staff (404 otherwise)");
        byId.MapPut("", UpdateByIdAsync).RequireAuthorization(Policies.EnterpriseAdmin)
            .WithSummary("Change an enterprise profile: only its own administrators (404 otherwise)");
    }

    private static async Task<Results<Ok<EnterpriseProfile>, NotFound>> GetOwnAsync(
        HttpContext http, EnterpriseProfileService profiles, CancellationToken ct) =>
        EnterpriseAccess.OwnEnterprise(http.User) is { } id ? await GetAsync(id, profiles, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<EnterpriseProfile>, NotFound>> GetByIdAsync(
        int id, HttpContext http, EnterpriseProfileService profiles, CancellationToken ct) =>
        EnterpriseAccess.CanRead(http.User, id) ? await GetAsync(id, profiles, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<EnterpriseProfile>, ProblemHttpResult, NotFound>> UpdateOwnAsync(
        EnterpriseProfileUpdate update, HttpContext http, EnterpriseProfileService profiles, CancellationToken ct) =>
        http.User.EnterpriseId() is { } id ? await UpdateAsync(id, update, http, profiles, ct) : TypedResults.NotFound();

    private static async Task<Results<Ok<EnterpriseProfile>, ProblemHttpResult, NotFound>> UpdateByIdAsync(
        int id, EnterpriseProfileUpdate update, HttpContext http, EnterpriseProfileService profiles, CancellationToken ct) =>
        await UpdateAsync(id, update, http, profiles, ct);

    private static async Task<Results<Ok<EnterpriseProfile>, NotFound>> GetAsync(int id, EnterpriseProfileService profiles, CancellationToken ct) =>
        await profiles.GetAsync(id, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Results<Ok<EnterpriseProfile>, ProblemHttpResult, NotFound>> UpdateAsync(
        int id, EnterpriseProfileUpdate update, HttpContext http, EnterpriseProfileService profiles, CancellationToken ct)
    {
        if (!EnterpriseAccess.CanEdit(http.User, id) || await profiles.GetAsync(id, ct) is null) return TypedResults.NotFound();
        var errors = await profiles.UpdateAsync(id, update, FactDeclarant.Of(http.User), ct);
        if (!errors.IsEmpty)
            return Failure.Invalid(errors).Titled("The enterprise profile is not valid").ToProblem();
        return TypedResults.Ok((await profiles.GetAsync(id, ct))!);
    }
}
