using Microsoft.AspNetCore.Http.HttpResults;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.Accounts.Staff;

/// <summary>/api/v1/staff-accounts: government (every account) and park operators (their park's).</summary>
public static class StaffAccountsApi
{
    public static RouteGroupBuilder MapStaffAccountsApi(this RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).WithSummary("Accounts I administer (`q` searches email and name)");
        group.MapPost("/{id:guid}/lock", (Guid id, HttpContext http, StaffAccountService staff) => Answer(staff.LockAsync(http.User, id)))
            .WithSummary("Lock an account until unlocked; its sessions end at once");
        group.MapPost("/{id:guid}/unlock", (Guid id, HttpContext http, StaffAccountService staff) => Answer(staff.UnlockAsync(http.User, id)))
            .WithSummary("Unlock an account");
        group.MapPost("/{id:guid}/reset-password", ResetPasswordAsync)
            .WithSummary("Set a new random password (returned once); the account's sessions end");
        return group;
    }

    private static async Task<Ok<ResultPage<StaffAccount>>> ListAsync(HttpContext http, StaffAccountService staff, string? q, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await staff.ListAsync(http.User, q, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Answer(Task<StaffActionResult> action) => await action switch
    {
        StaffActionResult.Done => TypedResults.NoContent(),
        var other => Refusal(other),
    };

    private static async Task<Results<Ok<TemporaryPassword>, ProblemHttpResult>> ResetPasswordAsync(Guid id, HttpContext http, StaffAccountService staff)
    {
        var (result, password) = await staff.ResetPasswordAsync(http.User, id);
        return result == StaffActionResult.Done ? TypedResults.Ok(password!) : Refusal(result);
    }

    private static ProblemHttpResult Refusal(StaffActionResult result) => (result == StaffActionResult.NotYourself
        ? Failure.Invalid("Administrators cannot lock or reset their own account here; change your own password under My account, Security.")
            .Titled("Not your own account")
        : Failure.NotFound("There is no account with this id that you administer.")).ToProblem();
}
