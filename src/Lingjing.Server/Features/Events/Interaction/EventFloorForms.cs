using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Lingjing.Server.Features.Events.Interaction;

/// <summary>The floor panel's forms: each acts through <see cref="EventFloorService"/> and goes back to the page it
/// came from, with the reason when refused.</summary>
public static class EventFloorForms
{
    public static void MapEventFloorForms(this WebApplication app)
    {
        var forms = app.MapGroup("/events/{id:int}").RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();

        forms.MapPost("/questions", async (int id, [FromForm] string? text, [FromForm] string? returnUrl, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
            Back(id, returnUrl, (await floor.AskAsync(user, id, new QuestionInput(text, null), ct)).Failure));

        forms.MapPost("/questions/{questionId:int}/upvote", async (int id, int questionId, [FromForm] string? returnUrl, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
            Back(id, returnUrl, (await floor.UpvoteAsync(user, id, questionId, ct)).Failure));

        forms.MapPost("/questions/{questionId:int}/moderate", async (int id, int questionId, [FromForm] string? status, [FromForm] string? returnUrl,
                ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
            Back(id, returnUrl, (await floor.ModerateAsync(user, id, questionId, status, ct)).Failure));

        forms.MapPost("/polls", async (int id, [FromForm] string? question, [FromForm] string? options, [FromForm] string? returnUrl,
                ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
            Back(id, returnUrl, (await floor.OpenPollAsync(user, id,
                new PollInput(question, (options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), ct)).Failure));

        forms.MapPost("/polls/{pollId:int}/close", async (int id, int pollId, [FromForm] string? returnUrl, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
            Back(id, returnUrl, (await floor.ClosePollAsync(user, id, pollId, ct)).Failure));

        forms.MapPost("/polls/{pollId:int}/vote", async (int id, int pollId, [FromForm] int? option, [FromForm] string? returnUrl,
                ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
            Back(id, returnUrl, (await floor.VoteAsync(user, id, pollId, option, ct)).Failure));
    }

    private static IResult Back(int id, string? returnUrl, Failure? failure)
    {
        var back = LocalReturnUrl.OrDefault(returnUrl, $"/events/{id}");
        if (failure is null) return TypedResults.LocalRedirect(back + "#floor");
        var separator = back.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return TypedResults.LocalRedirect($"{back}{separator}error={Uri.EscapeDataString(failure.Detail.Localized())}");
    }
}
