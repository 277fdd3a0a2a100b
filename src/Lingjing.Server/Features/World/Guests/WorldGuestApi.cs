using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.World.Guests;

/// <summary>
/// <c>/api/v1/world/parks/{parkId}/guests</c>: a park's operators invite people (by email) into the
/// park's world, which then admits them even when the park does not allow guests. Operator of that park only.
/// </summary>
public static class WorldGuestApi
{
    public sealed record InviteRequest(string? Email);

    public static RouteGroupBuilder MapWorldGuestApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{parkId:int}/guests", ListAsync)
            .WithSummary("People invited into the park's world");
        group.MapPost("/{parkId:int}/guests", InviteAsync)
            .WithSummary("Invite a person into the park's world")
            .WithDescription("`email` of the person; they are admitted from their next connection even when the park does not allow guests. 409 when already invited. Park operator of this park only.");
        group.MapDelete("/{parkId:int}/guests/{id:long}", RevokeAsync)
            .WithSummary("Withdraw an invitation into the park's world")
            .WithDescription("Takes effect on the person's next connection. Park operator of this park only.");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<WorldGuestList.Invitation>>, ProblemHttpResult>> ListAsync(
        int parkId, HttpContext http, WorldGuestList guests)
    {
        if (Forbidden(http, parkId) is { } forbidden) return forbidden;
        return TypedResults.Ok(await guests.ListAsync(parkId, http.RequestAborted));
    }

    private static async Task<Results<Created<WorldGuestList.Invitation>, ProblemHttpResult>> InviteAsync(
        int parkId, InviteRequest request, HttpContext http, WorldGuestList guests)
    {
        if (Forbidden(http, parkId) is { } forbidden) return forbidden;
        var (outcome, invitation) = await guests.InviteAsync(parkId, request.Email, http.User.UserId(), http.RequestAborted);
        return outcome switch
        {
            WorldGuestList.InviteOutcome.Invited => TypedResults.Created($"/api/v1/world/parks/{parkId}/guests/{invitation!.Id}", invitation),
            WorldGuestList.InviteOutcome.AlreadyInvited => Failure.Conflict("{0} is already invited into this park's world.", request.Email?.Trim())
                .Titled("Already invited").ToProblem(),
            _ => Failure.Invalid(InvalidEmail()).Titled("Invalid invitation").ToProblem(),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(int parkId, long id, HttpContext http, WorldGuestList guests)
    {
        if (Forbidden(http, parkId) is { } forbidden) return forbidden;
        return await guests.RevokeAsync(parkId, id, http.RequestAborted)
            ? TypedResults.NoContent()
            : Failure.NotFound("Park {0} has no invitation {1}.", parkId, id).Titled("Invitation not found").ToProblem();
    }

    private static ProblemHttpResult? Forbidden(HttpContext http, int parkId) =>
        http.User.ParkId() == parkId
            ? null
            : Failure.Forbidden("Only the operators of this park can invite people into its world.").Titled("Not your park").ToProblem();

    private static FieldErrors InvalidEmail()
    {
        var errors = new FieldErrors();
        errors.Add(new Field("email", "Email"), "An email address such as name@example.com, at most {0} characters.", WorldGuestList.MaxEmailLength);
        return errors;
    }
}
