using System.Security.Claims;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Twins.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Devices;

/// <summary>Devices of a park (for its operators) and telemetry ingest (for the devices themselves).</summary>
public static class DevicesApi
{
    private const long MaxBodyBytes = 8 << 20;

    public static void MapDevicesApi(this WebApplication app)
    {
        var devices = app.MapGroup("/api/v1/devices").WithTags("Devices");
        var operators = devices.MapGroup("").RequireAuthorization(Policies.ParkOperator);

        operators.MapGet("/", async (ClaimsPrincipal user, DeviceService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(user.ParkId()!.Value, ct)))
            .WithSummary("Devices of my park");

        operators.MapPost("/", async Task<Results<Created<DeviceCredentials>, ProblemHttpResult>> (
                RegisterDeviceRequest request, ClaimsPrincipal user, DeviceService service, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.TwinId))
                {
                    var errors = new FieldErrors();
                    errors.Add(TwinField, "Name the sensor or machine twin the device reports for.");
                    return Failure.Invalid(errors).ToProblem();
                }
                var outcome = await service.RegisterAsync(request.TwinId, user, ct);
                return outcome.Value is { } credentials
                    ? TypedResults.Created($"/api/v1/devices/{credentials.DeviceId}", credentials)
                    : outcome.Failure!.ToProblem();
            })
            .WithSummary("Register a twin of my park as a device")
            .WithDescription("Body: twinId (a sensor or machine twin). 201 with the device id and its token, shown this once; " +
                "the device sends it as 'Authorization: Device <token>' over HTTP, or as the MQTT password.");

        operators.MapPost("/{id}/token", async Task<Results<Ok<DeviceCredentials>, ProblemHttpResult>> (
                string id, ClaimsPrincipal user, DeviceService service, CancellationToken ct) =>
                await service.RenewTokenAsync(id, user.ParkId()!.Value, ct) is { } credentials
                    ? TypedResults.Ok(credentials)
                    : NoDevice(id))
            .WithSummary("Issue a new token (the old one stops working)");

        operators.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (
                string id, ClaimsPrincipal user, DeviceService service, CancellationToken ct) =>
                await service.DeleteAsync(id, user.ParkId()!.Value, ct) ? TypedResults.NoContent() : NoDevice(id))
            .WithSummary("Remove a device (its twin and history stay)");

        devices.MapPost("/{id}/telemetry", async Task<IResult> (
                string id, HttpRequest request, DeviceRegistry registry, IngestService ingest, IOptions<TelemetryOptions> options, CancellationToken ct) =>
            {
                var device = registry.Authenticate(DeviceToken(request));
                if (device is null)
                {
                    request.HttpContext.Response.Headers.WWWAuthenticate = "Device";
                    return Refused(StatusCodes.Status401Unauthorized, "Not authenticated", "Send the device's token as 'Authorization: Device <token>'.");
                }
                if (device.Id != id) return Failure.Forbidden("This token belongs to device {0}; a device can only send its own telemetry.", device.Id).ToProblem();
                if (request.ContentLength > MaxBodyBytes) return Refused(StatusCodes.Status413PayloadTooLarge, "Too large", "A request may carry at most 8 MB.");
                JsonDocument document;
                try
                {
                    document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                }
                catch (JsonException e)
                {
                    return Failure.Invalid("The request body is not valid JSON: {0}", e.Message).ToProblem();
                }
                using (document)
                {
                    var outcome = await ingest.IngestAsync(device, document.RootElement, ct);
                    if (outcome.Status == 503)
                    {
                        request.HttpContext.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                    return outcome.Status == 200 ? TypedResults.Ok(new { accepted = outcome.Points }) : outcome.ToFailure().ToProblem();
                }
            })
            .AllowAnonymous()
            .WithSummary("Send telemetry (devices)")
            .WithDescription("Authorization: Device <token>. Body: one reading {\"ts\": ISO 8601 or Unix ms (optional), \"values\": {\"temperature\": 21.5}} " +
                "or an array of them. Values are checked against the device's model: an unknown telemetry name or a wrong type gets 400 naming it. " +
                "200 {accepted} once the readings are durable; 503 with Retry-After when the queue is full.");
    }

    private static string? DeviceToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Device ", StringComparison.OrdinalIgnoreCase) ? header["Device ".Length..].Trim() : null;
    }

    private static readonly Field TwinField = new("twinId", "Twin");

    private static ProblemHttpResult NoDevice(string id) => Failure.NotFound("There is no device {0} in your park.", id).ToProblem();

    private static ProblemHttpResult Refused(int status, string title, string detail) => new Failure(status, new(title), new(detail)).ToProblem();
}
