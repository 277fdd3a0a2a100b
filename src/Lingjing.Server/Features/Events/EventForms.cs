using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Lingjing.Server.Features.Events;

/// <summary>The event page's forms: register and cancel, then back to the page (with the reason when refused).</summary>
public static class EventForms
{
    public static void MapEventForms(this WebApplication app)
    {
        app.MapPost("/events/{id:int}/register", async (int id, [FromForm] string? attendance, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                Back(id, (await registrations.RegisterAsync(user, id, attendance, ct)).Failure))
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();

        app.MapPost("/events/{id:int}/unregister", async (int id, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                Back(id, (await registrations.CancelMineAsync(user, id, ct)).Failure))
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
    }

    private static IResult Back(int id, Failure? failure) =>
        TypedResults.LocalRedirect(failure is null ? $"/events/{id}" : $"/events/{id}?error={Uri.EscapeDataString(failure.Detail.Localized())}");
}
