using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>
/// The service hall over HTTP (<c>/api/v1/service-hall</c>): the desks for everyone; taking a number, following it
/// live, leaving the queue and rating the service for whoever is signed in; signing in to a desk, its queue, calling the
/// next number, noting the outcome, a no-show or a transfer for the government's officials.
/// </summary>
public static class ServiceHallApi
{
    public static void MapServiceHallApi(this WebApplication app)
    {
        var hall = app.MapGroup("/api/v1/service-hall").WithTags("Service hall");
        hall.MapGet("/desks", async (ServiceHallService service, CancellationToken ct) => TypedResults.Ok(await service.DesksAsync(ct)))
            .AllowAnonymous()
            .WithSummary("The desks: open now or when they open next, queue length, officials on duty, the wait for a number taken now");

        var visitors = hall.MapGroup("").RequireAuthorization();
        visitors.MapGet("/scene", async (ServiceHallService service, TimeProvider time, CancellationToken ct) =>
                TypedResults.Ok(ServiceHallLayout.Scene(await service.DesksAsync(ct), time.GetUtcNow())))
            .WithSummary("The service hall in the world: its walls and its desks (for the world page)");
        visitors.MapPost("/desks/{id:int}/tickets", async Task<Results<Created<TicketView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
            {
                var taken = await service.TakeAsync(id, user, ct);
                return taken.Value is { } ticket ? TypedResults.Created($"/api/v1/service-hall/tickets/{ticket.Id}", ticket) : taken.Failure!.ToProblem();
            })
            .WithSummary("Take a number at a desk (409 service-hall.closed with nextOpening and appointmentSpaceId outside its hours; 409 service-hall.holding with ticketId for a second number)");
        visitors.MapGet("/tickets/mine", async (ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) => TypedResults.Ok(await service.MineAsync(user, ct)))
            .WithSummary("My numbers: the one I hold first (with its place and wait), then the last ones");
        visitors.MapGet("/tickets/{id:guid}", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                await service.FindAsync(id, user, ct) is { } ticket ? TypedResults.Ok(ticket) : Failure.NotFound("You hold no number {0}.", id).ToProblem())
            .WithSummary("A number: its place in the queue, its wait, its call and outcome (its holder or the government)");
        visitors.MapGet("/tickets/{id:guid}/stream", async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, HttpContext http, LingjingDbContext db, ServiceHallStream stream, CancellationToken ct) =>
            {
                var ticket = await db.Set<ServiceTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.UserId == user.UserId(), ct);
                if (ticket is null) return Failure.NotFound("You hold no number {0}.", id).ToProblem();
                var desk = await db.Set<ServiceDesk>().AsNoTracking().FirstAsync(d => d.Id == ticket.DeskId, ct);
                return TypedResults.ServerSentEvents(stream.FollowAsync(ticket, desk, LiveStreams.Lifetime(http)));
            })
            .WithSummary("My number live (server-sent events): \"ticket\" at once and whenever its place, call or outcome changes");
        visitors.MapDelete("/tickets/{id:guid}", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                (await service.LeaveAsync(id, user, ct)).ToOk())
            .WithSummary("Leave the queue");
        visitors.MapPost("/tickets/{id:guid}/rating", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid id, RatingInput input, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                (await service.RateAsync(id, user, input, ct)).ToOk())
            .WithSummary("Rate a service once it is done: one to five stars and a comment, once");

        var officials = hall.MapGroup("").RequireAuthorization(Policies.Government);
        officials.MapPut("/desks/{id:int}", async Task<Results<Ok<DeskView>, ProblemHttpResult>> (int id, DeskInput input, ServiceHallService service, CancellationToken ct) =>
                (await service.ChangeDeskAsync(id, input, ct)).ToOk())
            .WithSummary("Change a desk's opening hours (09:00-12:00,13:30-17:30), working days (Monday = 1 … Sunday = 64), names or appointment room");
        officials.MapPost("/desks/{id:int}/sign-in", async Task<Results<Ok<DeskConsole>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                (await service.SignInAsync(id, user, ct)).ToOk())
            .WithSummary("Sign in to a desk (and out of any other)");
        officials.MapPost("/desks/{id:int}/sign-out", async Task<Results<Ok<DeskConsole>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                (await service.SignOutAsync(id, user, ct)).ToOk())
            .WithSummary("Sign out of a desk");
        officials.MapGet("/desks/{id:int}/queue", async Task<Results<Ok<DeskConsole>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                await service.ConsoleAsync(id, user, ct) is { } console ? TypedResults.Ok(console) : Failure.NotFound("There is no desk {0} in the service hall.", id).ToProblem())
            .WithSummary("A desk's queue for its officials: who waits and since when, whom it serves, who is on duty");
        officials.MapGet("/desks/{id:int}/stream", async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> (
                int id, HttpContext http, LingjingDbContext db, ServiceHallStream stream, CancellationToken ct) =>
                await db.Set<ServiceDesk>().AnyAsync(d => d.Id == id, ct)
                    ? TypedResults.ServerSentEvents(stream.FollowDeskAsync(id, LiveStreams.Lifetime(http)))
                    : Failure.NotFound("There is no desk {0} in the service hall.", id).ToProblem())
            .WithSummary("A desk's queue live for its officials (server-sent events): \"queue\" at once and on every change");
        officials.MapGet("/figures/desks", async Task<Results<Ok<List<DeskFigures>>, ProblemHttpResult>> (int? days, ServiceFigures figures, CancellationToken ct) =>
                Days(days, out var span) is { } bad ? bad : TypedResults.Ok(await figures.DesksAsync(span, ct)))
            .WithSummary("Per desk over the last days (default 30): visitors, served, average and 90th-percentile wait, no-shows, transfers, satisfaction");
        officials.MapGet("/figures/days", async Task<Results<Ok<List<ServiceDay>>, ProblemHttpResult>> (int? days, ServiceFigures figures, CancellationToken ct) =>
                Days(days, out var span) is { } bad ? bad : TypedResults.Ok(await figures.DaysAsync(span, ct)))
            .WithSummary("Visitors served, no-shows and the average wait per day");
        officials.MapGet("/figures/matters", async (MatterDeadlines deadlines, CancellationToken ct) => TypedResults.Ok(await deadlines.FiguresAsync(ct)))
            .WithSummary("Matters by status, the undecided ones by working days left to their legal limit, and the overdue ones");
        officials.MapGet("/figures/{table}.{format}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string table, string format, int? days, ServiceFigures figures, CancellationToken ct) =>
            {
                if (Days(days, out var span) is { } bad) return bad;
                if (format is not ("csv" or "xlsx") || await figures.TableAsync(table, span, ct) is not { } export)
                    return Failure.NotFound("There is no table '{0}.{1}': choose one of {2}, as .csv or .xlsx.", table, format, string.Join(", ", ServiceFigures.Tables)).ToProblem();
                var name = $"lingjing-service-{table}.{format}";
                return format == "csv" ? TypedResults.File(export.ToCsv(), Infrastructure.Exports.ExportTable.CsvType, name) : TypedResults.File(export.ToXlsx(), Infrastructure.Exports.ExportTable.XlsxType, name);
            })
            .WithSummary("Download the desks' figures, the days or the overdue matters as CSV (UTF-8) or an Excel workbook");
        officials.MapPost("/desks/{id:int}/call-next", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                (await service.CallNextAsync(id, user, ct)).ToOk())
            .WithSummary("Call the number waiting longest (the visitor is notified); 409 when not signed in, serving someone, or nobody waits");
        officials.MapPost("/tickets/{id:guid}/finish", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid id, OutcomeInput input, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                (await service.FinishAsync(id, user, input, ct)).ToOk())
            .WithSummary("Note the outcome of a service; the visitor may then rate it");
        officials.MapPost("/tickets/{id:guid}/no-show", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                (await service.NoShowAsync(id, user, ct)).ToOk())
            .WithSummary("The called visitor did not come");
        officials.MapPost("/tickets/{id:guid}/transfer", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid id, TransferInput input, ClaimsPrincipal user, ServiceHallService service, CancellationToken ct) =>
                (await service.TransferAsync(id, user, input, ct)).ToOk())
            .WithSummary("Send the called visitor on to another desk: a new number there, keeping their place in time");
    }

    private static ProblemHttpResult? Days(int? days, out int span)
    {
        span = days ?? 30;
        if (span is >= 1 and <= 366) return null;
        var errors = new FieldErrors();
        errors.Add(new Field("days", "Days"), "Between 1 and 366 days.");
        return Failure.Invalid(errors).ToProblem();
    }
}
