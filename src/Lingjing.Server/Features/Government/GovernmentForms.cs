using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Government.Consultations;
using Lingjing.Server.Features.Government.Notices;
using Lingjing.Server.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Government;

/// <summary>The pages' forms for notices and consultations: each acts through the same service as the API and goes
/// to what it made, or back to its form with the reason.</summary>
public static class GovernmentForms
{
    public static void MapGovernmentForms(this WebApplication app)
    {
        // The lists come as repeated fields (a multiple select, checkboxes): read from the form as it is.
        app.MapPost("/gov/notices", async (IFormCollection form, ClaimsPrincipal user, NoticeService notices, CancellationToken ct) =>
            {
                var parks = form["parkIds"].Select(v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();
                var input = new NoticeInput(form["titleZh"], form["titleEn"], form["bodyZh"], form["bodyEn"], parks,
                    [.. form["categories"].OfType<string>()], [.. form["sizeClasses"].OfType<string>()]);
                var outcome = await notices.PublishAsync(input, user, ct);
                return Go(outcome.Value is { } notice ? $"/notices/{notice.Id}" : null, "/gov/notices", outcome.Failure);
            })
            .RequireAuthorization(Policies.Government).ExcludeFromDescription();

        app.MapPost("/gov/consultations", async ([FromForm] string? titleZh, [FromForm] string? titleEn, [FromForm] string? draftZh, [FromForm] string? draftEn,
                [FromForm] DateOnly? closesOn, ClaimsPrincipal user, ConsultationService consultations, IOptions<LingjingOptions> options, CancellationToken ct) =>
            {
                // Comments close at the end of the day named, on the zone's clock.
                DateTimeOffset? closes = closesOn is { } day
                    ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue),
                        TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone).GetUtcOffset(day.ToDateTime(TimeOnly.MaxValue)))
                    : null;
                var outcome = await consultations.OpenAsync(new ConsultationInput(titleZh, titleEn, draftZh, draftEn, closes), user, ct);
                return Go(outcome.Value is { } opened ? $"/consultations/{opened.Id}" : null, "/gov/consultations", outcome.Failure);
            })
            .RequireAuthorization(Policies.Government).ExcludeFromDescription();

        app.MapPost("/gov/consultations/{id:int}/response", async (int id, [FromForm] string? responseZh, [FromForm] string? responseEn,
                ConsultationService consultations, CancellationToken ct) =>
                Go($"/consultations/{id}#response", $"/consultations/{id}", (await consultations.RespondAsync(id, new ResponseInput(responseZh, responseEn), ct)).Failure))
            .RequireAuthorization(Policies.Government).ExcludeFromDescription();

        app.MapPost("/consultations/{id:int}/comment", async (int id, [FromForm] string? text, ClaimsPrincipal user, ConsultationService consultations, CancellationToken ct) =>
                Go($"/consultations/{id}#comments", $"/consultations/{id}", (await consultations.CommentAsync(id, new CommentInput(text), user, ct)).Failure))
            .RequireAuthorization(Policies.EnterpriseStaff).ExcludeFromDescription();
    }

    private static IResult Go(string? done, string form, Failure? failure) => failure is null
        ? TypedResults.LocalRedirect(done!)
        : TypedResults.LocalRedirect($"{form}?error={Uri.EscapeDataString(failure.Detail.Localized())}#form");
}
