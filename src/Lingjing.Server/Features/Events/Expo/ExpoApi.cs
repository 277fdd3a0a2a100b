using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Events.Expo;

/// <summary>Expo halls over HTTP: an event's booths under /api/v1/events/{id}/booths, the permanent demonstration hall
/// under /api/v1/expo/demonstration-hall, one booth under /api/v1/expo/booths/{boothId}.</summary>
public static class ExpoApi
{
    public static void MapExpoApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Expo").AllowAnonymous();
        var api = app.MapGroup("/api/v1").WithTags("Expo").RequireAuthorization(Policies.SignedIn);

        open.MapGet("/events/{id:int}/booths", async (int id, string? q, ExpoService expo, CancellationToken ct) => TypedResults.Ok(await expo.GuideAsync(Halls.Of(id), q, ct)))
            .WithSummary("The event's expo hall: its booths by code, with their place on the floor plan (q: words of an exhibitor or its booth)");
        open.MapGet("/expo/demonstration-hall", async (string? q, ExpoService expo, CancellationToken ct) => TypedResults.Ok(await expo.GuideAsync(Halls.Demonstration, q, ct)))
            .WithSummary("The zone's permanent demonstration hall: member enterprises' showcases between events");
        api.MapGet("/expo/halls/{key}/scene", async Task<Results<Ok<Lingjing.Server.Features.World.WorldScene>, ProblemHttpResult>> (
                string key, ClaimsPrincipal user, ExpoWorldSource halls, ExpoService expo, TimeProvider time, CancellationToken ct) =>
            {
                var hall = await halls.ExpoHallAsync(user, key, ct);
                if (hall.Value is not { } h) return hall.Failure!.ToProblem();
                return TypedResults.Ok(ExpoLayout.Scene(key, h.EventId, h.NameZh, h.NameEn, await expo.GuideAsync(key, null, ct), time.GetUtcNow()));
            })
            .WithSummary("An expo hall in the world (key demonstration, or event-{id}): its stands, for the people it admits now");

        open.MapGet("/expo/booths/{boothId:int}", async Task<Results<Ok<BoothView>, ProblemHttpResult>> (int boothId, ExpoService expo, CancellationToken ct) =>
                await expo.FindAsync(boothId, ct) is { } booth ? TypedResults.Ok(booth) : Failure.NotFound("There is no booth with id {0}.", boothId).ToProblem())
            .WithSummary("One booth with its content");

        api.MapPost("/events/{id:int}/booths", async Task<Results<Created<BoothView>, ProblemHttpResult>> (
                int id, BoothPlacement placement, ClaimsPrincipal user, ExpoService expo, CancellationToken ct) =>
                Created(await expo.PlaceAsync(user, id, placement, ct)))
            .WithSummary("Place an exhibitor in the event's hall (organisers; body {enterpriseId, code, row, col})");
        api.MapPost("/expo/demonstration-hall/booths", async Task<Results<Created<BoothView>, ProblemHttpResult>> (
                BoothPlacement placement, ClaimsPrincipal user, ExpoService expo, CancellationToken ct) =>
                Created(await expo.PlaceAsync(user, null, placement, ct)))
            .WithSummary("Give an enterprise a showcase in the demonstration hall (government; park operators for their park's enterprises)");
        api.MapPut("/expo/booths/{boothId:int}", async Task<Results<Ok<BoothView>, ProblemHttpResult>> (
                int boothId, BoothContent content, ClaimsPrincipal user, ExpoService expo, CancellationToken ct) => (await expo.FillAsync(user, boothId, content, ct)).ToOk())
            .WithSummary("Fill the booth: titles, descriptions, a video, a glTF model, a brochure, tags (the exhibitor's administrators and members)");
        api.MapPost("/expo/booths/{boothId:int}/visits", async Task<Results<Ok<bool>, ProblemHttpResult>> (
                int boothId, ClaimsPrincipal user, ExpoService expo, CancellationToken ct) => (await expo.VisitAsync(user, boothId, ct)).ToOk())
            .WithSummary("Count the caller's visit (once a day per booth; answers whether this one counted)");
        api.MapPost("/expo/booths/{boothId:int}/cards", async Task<Results<Ok<bool>, ProblemHttpResult>> (
                int boothId, CardInput input, ClaimsPrincipal user, ExpoService expo, CancellationToken ct) => (await expo.LeaveCardAsync(user, boothId, input, ct)).ToOk())
            .WithSummary("Leave my card: shares the caller's name, e-mail and enterprise with the exhibitor (body {consent: true, message?})");
        api.MapGet("/expo/booths/{boothId:int}/leads", async Task<Results<Ok<BoothLeads>, ProblemHttpResult>> (
                int boothId, ClaimsPrincipal user, ExpoService expo, CancellationToken ct) => (await expo.LeadsAsync(user, boothId, ct)).ToOk())
            .WithSummary("The booth's visits and the cards left (the exhibitor's administrators and members)");
    }

    private static Results<Created<BoothView>, ProblemHttpResult> Created(Outcome<BoothView> outcome) =>
        outcome.Value is { } booth ? TypedResults.Created($"/api/v1/expo/booths/{booth.Id}", booth) : outcome.Failure!.ToProblem();

    /// <summary>The booth page's "Leave my card" form: back to the booth, saying it is done or why not.</summary>
    public static void MapExpoForms(this WebApplication app) =>
        app.MapPost("/expo/booths/{boothId:int}/card", async (int boothId, [Microsoft.AspNetCore.Mvc.FromForm] bool? consent,
                [Microsoft.AspNetCore.Mvc.FromForm] string? message, ClaimsPrincipal user, ExpoService expo, CancellationToken ct) =>
            {
                var left = await expo.LeaveCardAsync(user, boothId, new CardInput(consent == true, message), ct);
                return TypedResults.LocalRedirect(left.Failure is { } failure
                    ? $"/expo/booths/{boothId}?error={Uri.EscapeDataString(failure.Detail.Localized())}"
                    : $"/expo/booths/{boothId}?card=left");
            })
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
}
