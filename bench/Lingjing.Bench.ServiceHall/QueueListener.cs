using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Lingjing.Bench.ServiceHall;

/// <summary>One visitor following their number's stream: every "ticket" event with the moment it arrived (a
/// <see cref="Stopwatch"/> timestamp shared by the whole run).</summary>
public sealed class QueueListener(HttpClient http, string token, Guid ticket)
{
    public readonly List<(long At, string Status, int? Position)> Events = [];
    public Guid Ticket => ticket;

    public async Task FollowAsync(TaskCompletionSource opened, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/service-hall/tickets/{ticket}/stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        try
        {
            await foreach (var item in SseParser.Create(body).EnumerateAsync(ct))
            {
                if (item.EventType != "ticket") continue;
                using var data = JsonDocument.Parse(item.Data);
                var position = data.RootElement.GetProperty("position");
                lock (Events) Events.Add((Stopwatch.GetTimestamp(), data.RootElement.GetProperty("status").GetString()!,
                    position.ValueKind == JsonValueKind.Number ? position.GetInt32() : null));
                opened.TrySetResult();
            }
        }
        catch (OperationCanceledException) { }
    }
}
