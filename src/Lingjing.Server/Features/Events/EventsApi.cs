using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Events.Presence;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Exports;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events;

/// <summary>Events over HTTP under /api/v1/events: the public list and pages (no sign-in), organising (government, park
/// operators, permitted enterprises' administrators), registration and tickets (every signed-in person), and check-in
/// at the door.</summary>
public static class EventsApi
{
    private static readonly Field KindField = new("kind", "Kind of event");

    public static void MapEventsApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/events").WithTags("Events").AllowAnonymous();
        var api = app.MapGroup("/api/v1/events").WithTags("Events").RequireAuthorization();

        open.MapGet("/", async Task<Results<Ok<ResultPage<EventSummary>>, ProblemHttpResult>> (
                string? kind, bool? past, int? page, int? pageSize, EventService events, CancellationToken ct) =>
            {
                if (kind is not null && !EventKinds.All.Contains(kind)) return Failure.NotOneOf(KindField, kind, EventKinds.All).ToProblem();
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, EventService.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await events.ListAsync(kind, past ?? false, p, size, ct));
            })
            .WithSummary("Published events not over yet, soonest first (past=true: those over, latest first)")
            .WithDescription("Public. Filters: kind (conference, forum, launch, exhibition, training). Each event names its organiser, "
                + "its times as instants and as the venue's clock reads them (localStart, localEnd in timeZone), and the seats left.");

        open.MapGet("/{id:int}", async Task<Results<Ok<EventDetail>, ProblemHttpResult>> (int id, ClaimsPrincipal user, EventService events, CancellationToken ct) =>
                (await events.FindAsync(user, id, ct)).ToOk())
            .WithSummary("One event with its description and agenda (public once published; drafts to their organisers)");

        open.MapGet("/{id:int}/calendar.ics", async Task<IResult> (int id, ClaimsPrincipal user, EventService events, CancellationToken ct) =>
                await events.CalendarAsync(user, id, ct) is { } text
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"event-{id}.ics")
                    : EventService.NoEvent(id).ToProblem())
            .WithSummary("The event and each session of its agenda as an iCalendar file, in the event's time zone");

        api.MapGet("/organised", async (ClaimsPrincipal user, EventService events, CancellationToken ct) => TypedResults.Ok(await events.OrganisedAsync(user, ct)))
            .WithSummary("The events the caller organises, drafts included (the government: every event)");

        api.MapPost("/", async Task<Results<Created<EventDetail>, ProblemHttpResult>> (EventInput input, ClaimsPrincipal user, EventService events, CancellationToken ct) =>
                Created(await events.CreateAsync(user, input, ct), created => $"/api/v1/events/{created.Event.Id}"))
            .WithSummary("Create an event as a draft (government, park operators, administrators of permitted enterprises)")
            .WithDescription("Body {titleZh, titleEn, descriptionZh?, descriptionEn?, kind, startsAt, endsAt, timeZone? (IANA, the zone's by default), "
                + "venue? (zone or park-N), spaceBookingId? (a booking of the caller's: the event is also held there), capacity, "
                + "registration? (open, approval, invitation), sessions? [{titleZh, titleEn, room?, startsAt, endsAt, speakers?}]}.");

        api.MapPost("/{id:int}/publish", async Task<Results<Ok<EventDetail>, ProblemHttpResult>> (int id, ClaimsPrincipal user, EventService events, CancellationToken ct) =>
                (await events.ChangeStatusAsync(user, id, EventStatus.Published, ct)).ToOk())
            .WithSummary("Publish a draft: listed publicly and open for registration");

        api.MapPost("/{id:int}/cancel", async Task<Results<Ok<EventDetail>, ProblemHttpResult>> (int id, ClaimsPrincipal user, EventService events, CancellationToken ct) =>
                (await events.ChangeStatusAsync(user, id, EventStatus.Cancelled, ct)).ToOk())
            .WithSummary("Cancel an event");

        MapRegistrations(api);
        MapOrganisers(api);
        MapReport(api);
    }

    private static void MapRegistrations(RouteGroupBuilder api)
    {
        api.MapPost("/{id:int}/registrations", async Task<Results<Created<RegistrationView>, ProblemHttpResult>> (
                int id, RegistrationInput? input, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                Created(await registrations.RegisterAsync(user, id, input?.Attendance, ct), _ => $"/api/v1/events/{id}/registrations/mine"))
            .WithSummary("Register the caller: confirmed at once (open), waiting for the organiser (approval) or only if invited")
            .WithDescription("Body {attendance? (in_person, online; in person only where a space is booked for the event)}. 409 when the event is full, "
                + "over, cancelled, or the caller is already registered.");

        api.MapGet("/{id:int}/registrations/mine", async Task<Results<Ok<RegistrationView>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) => (await registrations.MineAsync(user, id, ct)).ToOk())
            .WithSummary("The caller's registration, with the ticket once confirmed");

        api.MapGet("/{id:int}/registrations/mine/ticket.svg", async Task<IResult> (int id, ClaimsPrincipal user, LingjingDbContext db, EventRegistrations registrations, CancellationToken ct) =>
            {
                var userId = user.UserId()!.Value;
                var code = await db.Set<EventRegistration>().Where(r => r.EventId == id && r.UserId == userId && r.Status == RegistrationStatus.Confirmed)
                    .Select(r => r.TicketCode).FirstOrDefaultAsync(ct);
                return code is null ? Failure.NotFound("You have no confirmed ticket for event {0}.", id).ToProblem()
                    : Results.Text(CheckInQrCode.Svg(registrations.TicketUrl(id, code)), "image/svg+xml");
            })
            .WithSummary("The caller's ticket as a QR code (SVG) to show at the door");

        api.MapDelete("/{id:int}/registrations/mine", async Task<Results<Ok<RegistrationView>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) => (await registrations.CancelMineAsync(user, id, ct)).ToOk())
            .WithSummary("Cancel the caller's registration; the seat is given back");

        api.MapGet("/{id:int}/registrations", async Task<Results<Ok<RegistrationList>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) => (await registrations.ListAsync(user, id, ct)).ToOk())
            .WithSummary("Everyone registered, with counts per status (organisers)");

        api.MapPost("/{id:int}/registrations/{registrationId:guid}/approve", async Task<Results<Ok<RegistrationView>, ProblemHttpResult>> (
                int id, Guid registrationId, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                (await registrations.DecideAsync(user, id, registrationId, approve: true, ct)).ToOk())
            .WithSummary("Approve a registration waiting for approval (organisers)");

        api.MapPost("/{id:int}/registrations/{registrationId:guid}/decline", async Task<Results<Ok<RegistrationView>, ProblemHttpResult>> (
                int id, Guid registrationId, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                (await registrations.DecideAsync(user, id, registrationId, approve: false, ct)).ToOk())
            .WithSummary("Decline a registration waiting for approval; its seat is given back (organisers)");

        api.MapPost("/{id:int}/invitations", async Task<Results<Ok<InvitationResult>, ProblemHttpResult>> (
                int id, InvitationInput input, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                (await registrations.InviteAsync(user, id, input.Emails, ct)).ToOk())
            .WithSummary("Invite people by e-mail address (organisers); they then register")
            .WithDescription("Body {emails: [...]}, 1 to 500. Addresses nobody has are returned under unknown.");

        api.MapPost("/{id:int}/check-in", async Task<Results<Ok<RegistrationView>, ProblemHttpResult>> (
                int id, CheckInInput input, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                (await registrations.CheckInAsync(user, id, input.Code, ct)).ToOk())
            .WithSummary("Check a ticket in at the door by its code (organisers, and the operator of the park whose space is booked)")
            .WithDescription("Body {code}. Opens an hour before the start; checking a ticket in twice answers the first check-in.");
    }

    private static void MapOrganisers(RouteGroupBuilder api)
    {
        var organisers = api.MapGroup("/organisers").RequireAuthorization(p => p.RequireRole(Roles.Government, Roles.ParkOperator));
        organisers.MapPut("/{enterpriseId:int}", async Task<Results<NoContent, ProblemHttpResult>> (
                int enterpriseId, ClaimsPrincipal user, EventOrganisers permits, CancellationToken ct) =>
                await permits.PermitAsync(user, enterpriseId, ct) is { } failure ? failure.ToProblem() : TypedResults.NoContent())
            .WithSummary("Permit an enterprise to organise events (government; a park operator for enterprises of the park)");
        organisers.MapDelete("/{enterpriseId:int}", async Task<Results<NoContent, ProblemHttpResult>> (
                int enterpriseId, ClaimsPrincipal user, EventOrganisers permits, CancellationToken ct) =>
                await permits.WithdrawAsync(user, enterpriseId, ct) is { } failure ? failure.ToProblem() : TypedResults.NoContent())
            .WithSummary("Withdraw an enterprise's permit to organise events; its events stay");
    }

    private static void MapReport(RouteGroupBuilder api)
    {
        api.MapGet("/{id:int}/report/days", async Task<Results<Ok<IReadOnlyList<EventDay>>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EventReport report, CancellationToken ct) => (await report.DaysAsync(user, id, ct)).ToOk())
            .WithSummary("Registrations, cancellations and check-ins per day with the running total (organisers)");

        api.MapGet("/{id:int}/report", async Task<Results<Ok<EventFigures>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EventReport report, CancellationToken ct) => (await report.FiguresAsync(user, id, ct)).ToOk())
            .WithSummary("How the event went (organisers): people confirmed, checked in and online, peak concurrency in its halls, questions, each session's ratings, each booth's visits and cards left");

        api.MapGet("/{id:int}/report/attendance", async Task<Results<Ok<IReadOnlyList<PresenceMinute>>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EventReport report, CancellationToken ct) => (await report.AttendanceAsync(user, id, ct)).ToOk())
            .WithSummary("People in the event's halls minute by minute, over every node (organisers)");

        api.MapPut("/{id:int}/sessions/{sessionId:int}/rating", async Task<Results<Ok<SessionRatingView>, ProblemHttpResult>> (
                int id, int sessionId, RatingInput input, ClaimsPrincipal user, SessionRatings ratings, CancellationToken ct) =>
                (await ratings.RateAsync(user, id, sessionId, input, ct)).ToOk())
            .WithSummary("Rate a session you attended, 1 to 5 stars (body {stars}), once it has begun; rating again replaces your rating");

        api.MapGet("/{id:int}/exports/{table}.{format}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                int id, string table, string format, ClaimsPrincipal user, EventReport report, CancellationToken ct) =>
            {
                if (!EventReport.Tables.Contains(table) || format is not ("csv" or "xlsx"))
                    return Failure.NotFound("There is no table '{0}.{1}': choose one of {2}, as .csv or .xlsx.", table, format, string.Join(", ", EventReport.Tables)).ToProblem();
                if ((await report.TableAsync(user, id, table, ct)).Value is not { } export) return EventService.NoEvent(id).ToProblem();
                var name = $"lingjing-event-{id}-{table}.{format}";
                return format == "csv" ? TypedResults.File(export.ToCsv(), ExportTable.CsvType, name) : TypedResults.File(export.ToXlsx(), ExportTable.XlsxType, name);
            })
            .WithSummary("Download the registrations, the questions, the poll results, the attendance by minute, the sessions' ratings or the booths' figures as CSV (UTF-8) or an Excel workbook (organisers)");
    }

    private static Results<Created<T>, ProblemHttpResult> Created<T>(Outcome<T> outcome, Func<T, string> location) =>
        outcome.Value is { } value ? TypedResults.Created(location(value), value) : outcome.Failure!.ToProblem();
}

public sealed record RegistrationInput(string? Attendance);

public sealed record InvitationInput(IReadOnlyList<string>? Emails);

public sealed record CheckInInput(string? Code);
