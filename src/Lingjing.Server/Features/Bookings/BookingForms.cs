using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lingjing.Server.Features.Bookings;

/// <summary>The portal's one-click booking: a plain HTML form posts here from a space's page, the
/// directory list or the /me terminal (form endpoints check the antiforgery token). Success opens the confirmation page;
/// a refusal goes back where the click came from with the reason in <c>bookingError</c>.</summary>
public static class BookingForms
{
    public const string ErrorParameter = "bookingError";

    public static void MapBookingForms(this WebApplication app)
    {
        app.MapPost("/bookings/quick", async Task<RedirectHttpResult> (
                [FromForm] int spaceId, [FromForm] string? start, [FromForm] string? end, [FromForm] string? purpose, [FromForm] string? returnUrl,
                ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
            {
                var attempt = string.IsNullOrEmpty(start)
                    ? await bookings.BookNextAsync(spaceId, new NextSlotRequest(purpose), user, ct)
                    : await bookings.CreateAsync(spaceId, new BookingRequest(start, end, purpose), user, ct);
                if (attempt.Booking is { } booking) return TypedResults.LocalRedirect($"/bookings/{booking.Id}?new=1");
                var back = Infrastructure.Web.LocalReturnUrl.OrDefault(returnUrl, $"/directory/spaces/{spaceId}");
                var separator = back.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                return TypedResults.LocalRedirect($"{back}{separator}{ErrorParameter}={Uri.EscapeDataString(attempt.Error!.Detail)}&errorSpace={spaceId}");
            })
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
    }
}
