using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>A server-sent event stream read by a test: events are awaited by type and content, and the whole
/// stream gives up after a minute so a missing event fails the test instead of hanging it.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource giveUp = new(TimeSpan.FromMinutes(1));
    private readonly IAsyncEnumerator<SseItem<string>> events;

    private EventStream(HttpResponseMessage response, Stream body)
    {
        this.response = response;
        events = SseParser.Create(body).EnumerateAsync(giveUp.Token).GetAsyncEnumerator(giveUp.Token);
    }

    public static async Task<EventStream> OpenAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event of this type (and matching <paramref name="where"/>), skipping the others.</summary>
    public async Task<JsonElement> NextAsync(string type, Func<JsonElement, bool>? where = null)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current.EventType != type) continue;
            var data = JsonDocument.Parse(events.Current.Data).RootElement.Clone();
            if (where is null || where(data)) return data;
        }
        throw new ShouldAssertException($"The stream ended without a '{type}' event");
    }

    public async ValueTask DisposeAsync()
    {
        await giveUp.CancelAsync();
        try { await events.DisposeAsync(); } catch (OperationCanceledException) { }
        response.Dispose();
        giveUp.Dispose();
    }
}
