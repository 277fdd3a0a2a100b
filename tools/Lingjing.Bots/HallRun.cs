using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lingjing.Bots;

/// <summary>
/// An event's hall for the bots (<c>--hall</c>): creates a hall event starting in half an hour as the organiser,
/// registers every bot and asks for its scene on its node (which seats it in an instance of the hall), and once they are
/// in, raises bot 0's hand and has the organiser bring it on stage, where it walks about while everyone else sits.
/// </summary>
public sealed class HallRun(BotOptions options) : IDisposable
{
    public void Dispose() => _http.Dispose();

    /// <summary>The stage of an event's hall (Events/Hall/HallLayout: 36 x 30 m, the stage along the north wall, 8 to 14 m from the centre).</summary>
    public static readonly (int X, int Z) StageCentre = (0, 1_100);
    public const int StageRadiusCm = 600;
    public static readonly (int MinX, int MinZ, int MaxX, int MaxZ) StageBounds = (-1_800, 650, 1_800, 1_550);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromMinutes(2),
    };
    private string _organiser = "";

    public int EventId { get; private set; }

    /// <summary>The world (instance) each bot was seated in.</summary>
    public string[] Worlds { get; private set; } = [];

    public Uri NodeOf(int bot) => options.Nodes.Count == 0 ? options.Url : options.Nodes[bot % options.Nodes.Count];

    public async Task PrepareAsync(string[] tokens, Action<int> progress, CancellationToken ct)
    {
        _organiser = await SignInAsync(options.Organiser, ct);
        EventId = await CreateEventAsync(ct);
        Worlds = new string[tokens.Length];
        var next = -1;
        var done = 0;
        var workers = Enumerable.Range(0, 32).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tokens.Length)
            {
                var node = NodeOf(i);
                using (var registered = await SendAsync(HttpMethod.Post, node, $"/api/v1/events/{EventId}/registrations", tokens[i], new { }, ct))
                    if (!registered.IsSuccessStatusCode) throw await FailedAsync("registering bot " + i, registered);
                using var scene = await SendAsync(HttpMethod.Get, node, $"/api/v1/events/{EventId}/hall/scene", tokens[i], null, ct);
                if (!scene.IsSuccessStatusCode) throw await FailedAsync("seating bot " + i, scene);
                Worlds[i] = (await scene.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("worldId").GetString()!;
                progress(Interlocked.Increment(ref done));
            }
        });
        await Task.WhenAll(workers);
    }

    /// <summary>Bot 0 raises its hand; the organiser (the only one who sees whose hands are up) brings it on stage.</summary>
    public async Task PutOnStageAsync(string speakerToken, CancellationToken ct)
    {
        using (var hand = await SendAsync(HttpMethod.Post, NodeOf(0), $"/api/v1/events/{EventId}/stage/hand", speakerToken, null, ct))
            if (!hand.IsSuccessStatusCode) throw await FailedAsync("raising the speaker's hand", hand);
        using var stage = await SendAsync(HttpMethod.Get, options.Url, $"/api/v1/events/{EventId}/stage", _organiser, null, ct);
        var speaker = (await stage.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("hands")[0].GetProperty("userId").GetString();
        using var placed = await SendAsync(HttpMethod.Put, options.Url, $"/api/v1/events/{EventId}/stage/people/{speaker}", _organiser, new { place = "stage" }, ct);
        if (!placed.IsSuccessStatusCode) throw await FailedAsync("bringing the speaker on stage", placed);
    }

    /// <summary>Asks a question as the given bot; returns when the server took it (the clock starts before the request).</summary>
    public async Task AskAsync(string token, Uri node, string text, CancellationToken ct)
    {
        using var asked = await SendAsync(HttpMethod.Post, node, $"/api/v1/events/{EventId}/questions", token, new { text }, ct);
        if (!asked.IsSuccessStatusCode) throw await FailedAsync("asking a question", asked);
    }

    private async Task<int> CreateEventAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(30);
        var body = new
        {
            titleZh = "元宇宙大会（压力测试）", titleEn = "Metaverse conference (load test)",
            descriptionZh = "基准测试创建的活动。", descriptionEn = "An event the hall benchmark created.",
            kind = "conference", startsAt = start, endsAt = start.AddHours(3), venue = "hall", capacity = 100_000, registration = "open",
            sessions = new[] { new { titleZh = "主旨演讲", titleEn = "Keynote", room = "Hall", startsAt = start, endsAt = start.AddHours(1), speakers = new[] { "Bench speaker" } } },
        };
        using var created = await SendAsync(HttpMethod.Post, options.Url, "/api/v1/events", _organiser, body, ct);
        if (!created.IsSuccessStatusCode) throw await FailedAsync("creating the hall's event", created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("event").GetProperty("id").GetInt32();
        using var published = await SendAsync(HttpMethod.Post, options.Url, $"/api/v1/events/{id}/publish", _organiser, null, ct);
        if (!published.IsSuccessStatusCode) throw await FailedAsync("publishing the hall's event", published);
        return id;
    }

    private async Task<string> SignInAsync(string email, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(options.Url, "/api/v1/auth/token"), new { email, password = options.Password }, ct);
        if (!response.IsSuccessStatusCode) throw await FailedAsync("signing the organiser in", response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri node, string path, string token, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(node, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await _http.SendAsync(request, ct);
    }

    private static async Task<Exception> FailedAsync(string what, HttpResponseMessage response) =>
        new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

    internal static long Now() => Stopwatch.GetTimestamp();
}
