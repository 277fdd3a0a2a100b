using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>Examples of the main flows' requests and answers, by operationId: signing in, booking a space, taking a
/// number at the service hall, adding a matter to the catalogue.</summary>
public static class ApiExamples
{
    private static readonly Dictionary<string, (Func<JsonNode>? Request, string? Status, Func<JsonNode>? Response)> ByOperation = new()
    {
        ["postAuthToken"] = (
            () => new JsonObject { ["email"] = "admin@studio.example", ["password"] = "Correct#Horse1" },
            "200",
            () => new JsonObject { ["accessToken"] = "CfDJ8…", ["expiresIn"] = 28800, ["tokenType"] = "Bearer" }),
        ["postSpacesBySpaceIdBookings"] = (
            () => new JsonObject { ["start"] = "2027-03-02T14:00:00+08:00", ["end"] = "2027-03-02T16:00:00+08:00", ["purpose"] = "Product launch rehearsal", ["attendees"] = 12 },
            null, null),
        ["postSpacesBySpaceIdBookingsNext"] = (() => new JsonObject { ["purpose"] = "Team meeting", ["after"] = "2027-03-02T09:00:00+08:00" }, null, null),
        ["postBookingsByIdReschedule"] = (() => new JsonObject { ["start"] = "2027-03-03T10:00:00+08:00", ["end"] = "2027-03-03T12:00:00+08:00" }, null, null),
        ["putServiceHallDesksById"] = (() => new JsonObject { ["nameZh"] = "企业服务窗口", ["nameEn"] = "Enterprise services desk", ["weekdays"] = 31, ["hours"] = "09:00-12:00,13:30-17:30", ["appointmentSpaceId"] = 12 }, null, null),
        ["postMatters"] = (
            () => new JsonObject
            {
                ["code"] = "EP-101", ["category"] = "event-permits", ["titleZh"] = "临时占道活动许可", ["titleEn"] = "Permit for a street event",
                ["departmentZh"] = "城市管理局", ["departmentEn"] = "City Management Bureau",
                ["conditionsZh"] = "活动不超过三天", ["conditionsEn"] = "The event lasts at most three days", ["legalDays"] = 7,
                ["materials"] = new JsonArray(new JsonObject { ["key"] = "plan", ["nameZh"] = "活动方案", ["nameEn"] = "Event plan", ["required"] = true }),
                ["form"] = new JsonArray(new JsonObject { ["key"] = "visitors", ["labelZh"] = "预计人数", ["labelEn"] = "Expected visitors", ["kind"] = "number", ["required"] = true }),
                ["certificateTitleZh"] = "活动许可证", ["certificateTitleEn"] = "Event permit", ["certificateValidYears"] = 1, ["published"] = true,
            },
            null, null),
    };

    public static void Apply(OpenApiOperation operation)
    {
        if (operation.OperationId is null || !ByOperation.TryGetValue(operation.OperationId, out var example)) return;
        if (example.Request is { } request && operation.RequestBody?.Content is { } content)
            foreach (var media in content.Values) media.Example = request();
        if (example.Status is { } status && example.Response is { } response && operation.Responses?.TryGetValue(status, out var answer) == true && answer.Content is { } answerContent)
            foreach (var media in answerContent.Values) media.Example = response();
    }
}
