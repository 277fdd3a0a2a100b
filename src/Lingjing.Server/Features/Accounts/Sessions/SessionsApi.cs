using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>A person's own sessions and password, under /api/v1/me.</summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder me)
    {
        me.MapGet("/sessions", ListAsync).WithSummary("My active sessions (browsers and API tokens); `current` marks this one");
        me.MapDelete("/sessions/{id:guid}", EndAsync).WithSummary("End one of my sessions: its cookie or token stops working at once");
        me.MapPost("/sessions/end-others", EndOthersAsync).WithSummary("End every session of mine except this one");
        me.MapPost("/password", ChangePasswordAsync)
            .WithSummary("Change my password")
            .WithDescription("`{\"currentPassword\", \"newPassword\"}`. Every other session of the account ends; this one stays.");
        return me;
    }

    private static async Task<Ok<IReadOnlyList<SessionView>>> ListAsync(HttpContext http, SessionStore sessions, CancellationToken ct) =>
        TypedResults.Ok(await sessions.ListActiveAsync(http.User.UserId()!.Value, SessionStore.SessionId(http.User), ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(Guid id, HttpContext http, SessionStore sessions, CancellationToken ct) =>
        await sessions.EndAsync(http.User.UserId()!.Value, id, ct)
            ? TypedResults.NoContent()
            : Failure.NotFound("You have no active session with this id.").Titled("No such session").ToProblem();

    private static async Task<Ok<EndedSessions>> EndOthersAsync(HttpContext http, SessionStore sessions, CancellationToken ct) =>
        TypedResults.Ok(new EndedSessions(await sessions.EndAllAsync(http.User.UserId()!.Value, keep: SessionStore.SessionId(http.User), ct)));

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        PasswordChange.Request request, HttpContext http, PasswordChange change)
    {
        var errors = await change.ChangeAsync(http.User.UserId()!.Value, SessionStore.SessionId(http.User), request);
        return errors is null
            ? TypedResults.NoContent()
            : Failure.Invalid(errors).Titled("The password was not changed").ToProblem();
    }

    public sealed record EndedSessions(int Ended);
}
