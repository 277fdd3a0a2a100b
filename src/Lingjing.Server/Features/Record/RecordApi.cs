using System.Globalization;
using Lingjing.Record;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Record;

/// <summary>
/// The decision record over HTTP: its head and the published heads for anyone (<c>GET /api/v1/record/head</c>,
/// <c>/heads</c>); for the government its state checked now (<c>/state</c>) and the whole chain as a file the verifier
/// in tools/ reads (<c>/export</c>).
/// </summary>
public static class RecordApi
{
    public const string ExportType = "application/x-ndjson";

    public static void MapRecordApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/record").WithTags("Record");
        open.MapGet("/head", async (RecordState record, CancellationToken ct) => TypedResults.Ok(await record.HeadAsync(ct)))
            .AllowAnonymous()
            .WithSummary("The record's head: how many decisions it holds, the last entry's hash and signature, when it was sealed, and the public key that checks the signatures");
        open.MapGet("/heads", async (int? take, RecordState record, CancellationToken ct) =>
                TypedResults.Ok(await record.PublishedAsync(Math.Clamp(take ?? 50, 1, 500), ct)))
            .AllowAnonymous()
            .WithSummary("The heads published at intervals, newest first (take: 1-500, 50 by default): keep one to tell later whether the record was rewritten");

        var gov = app.MapGroup("/api/v1/record").WithTags("Record").RequireAuthorization(Policies.Government);
        gov.MapGet("/state", async Task<Ok<RecordStateView>> (RecordState record, CancellationToken ct) => TypedResults.Ok(await record.CheckAsync(ct)))
            .WithSummary("The record checked now: every hash and link, the last signature (and where signatures stop holding), against the last published head; entries waiting to be sealed; decisions by kind");
        gov.MapGet("/entries", async Task<Results<Ok<IReadOnlyList<RecordEntryView>>, ProblemHttpResult>> (string? subject, RecordState record, CancellationToken ct) =>
            {
                if (subject is not { Length: > 0 and <= 200 })
                    return Failure.Invalid("Name the subject, e.g. subject=application:42 (at most 200 characters).").ToProblem();
                return TypedResults.Ok(await record.AboutAsync(subject, ct));
            })
            .WithSummary("The record's entries about one subject (policy:{id}, application:{id}, enterprise:{id}, user:{id}), in the order written, sealed or waiting");
        gov.MapGet("/export", async (HttpContext http, RecordState record, RecordKey key, TimeProvider time, CancellationToken ct) =>
            {
                var now = time.GetUtcNow();
                http.Response.ContentType = ExportType;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"lingjing-record-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.jsonl\"";
                var header = new RecordExportHeader(RecordFormat.Name, key.PublicKeyPem, await record.CountAsync(ct), now);
                await RecordExport.WriteAsync(http.Response.Body, header, record.EntriesAsync(ct), ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: ExportType)
            .WithSummary("The whole record as JSON Lines (a header with the public key, then every sealed entry in order), for tools/Lingjing.RecordVerifier");
    }
}
