using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Lingjing.Server.Features.World.Media.Janus;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lingjing.Server.Tests.World.Media;

/// <summary>The Janus gateway against the real Janus 1.1 that ./test.sh starts on loopback (tools/janus). Without that
/// Janus the tests fail: they never skip.</summary>
public sealed class JanusGatewayTests : IDisposable
{
    private const string VideoRoom = "janus.plugin.videoroom";
    private static readonly HttpClient Http = new();
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => timeout.Token;

    public void Dispose() => timeout.Dispose();

    private static Uri Endpoint => TestJanus.Endpoint;
    private static string Secret => TestJanus.Secret;
    private static string AdminKey => TestJanus.AdminKey;

    private async Task<JanusGateway> ConnectAsync(string? secret = null)
    {
        var gateway = new JanusGateway(Http, Endpoint, secret ?? Secret, NullLogger<JanusGateway>.Instance);
        try
        {
            await gateway.ConnectAsync(Ct);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>A room of this test's own: random id, admin key, room secret, private ids required, one allowed token.</summary>
    private async Task<long> CreateRoomAsync(JanusHandle handle, string token, bool notifyJoining = false)
    {
        var room = Random.Shared.NextInt64(1, 1L << 50);
        var created = await handle.RequestAsync(new
        {
            request = "create", room, admin_key = AdminKey, secret = "room-secret", require_pvtid = true,
            allowed = new[] { token }, publishers = 6, notify_joining = notifyJoining,
        }, Ct);
        created.GetProperty("videoroom").GetString().ShouldBe("created");
        created.GetProperty("room").GetInt64().ShouldBe(room);
        return room;
    }

    [Fact]
    public async Task Connects_and_attaches_to_the_videoroom_plugin()
    {
        await using var gateway = await ConnectAsync();
        gateway.Connected.ShouldBeTrue();
        gateway.SessionId.ShouldBeGreaterThan(0);

        var handle = await gateway.AttachAsync(VideoRoom, Ct);
        handle.Id.ShouldBeGreaterThan(0);
        handle.SessionId.ShouldBe(gateway.SessionId);
    }

    [Fact]
    public async Task Creates_a_room_with_the_admin_key_and_lists_its_participants()
    {
        await using var gateway = await ConnectAsync();
        var handle = await gateway.AttachAsync(VideoRoom, Ct);
        var room = await CreateRoomAsync(handle, "token-a");

        (await handle.RequestAsync(new { request = "exists", room }, Ct)).GetProperty("exists").GetBoolean().ShouldBeTrue();
        var allowed = await handle.RequestAsync(new { request = "allowed", room, secret = "room-secret", action = "add", allowed = new[] { "token-b" } }, Ct);
        allowed.GetProperty("allowed").EnumerateArray().Select(t => t.GetString()).Order().ShouldBe(["token-a", "token-b"]);
        var participants = await handle.RequestAsync(new { request = "listparticipants", room }, Ct);
        participants.GetProperty("videoroom").GetString().ShouldBe("participants");
        participants.GetProperty("participants").GetArrayLength().ShouldBe(0);

        // The room secret guards destroying it.
        (await Should.ThrowAsync<JanusException>(() => handle.RequestAsync(new { request = "destroy", room, secret = "wrong" }, Ct))).Code.ShouldBe(433);
        (await handle.RequestAsync(new { request = "destroy", room, secret = "room-secret" }, Ct)).GetProperty("videoroom").GetString().ShouldBe("destroyed");
        (await handle.RequestAsync(new { request = "exists", room }, Ct)).GetProperty("exists").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_api_secret_is_a_clear_JanusException()
    {
        await using var gateway = new JanusGateway(Http, Endpoint, "not-the-secret", NullLogger<JanusGateway>.Instance);
        var refused = await Should.ThrowAsync<JanusException>(() => gateway.ConnectAsync(Ct));
        refused.Code.ShouldBe(JanusException.Unauthorized);
        refused.Message.ShouldContain("Unauthorized");
        gateway.Connected.ShouldBeFalse();
    }

    [Fact]
    public async Task Creating_a_room_without_the_admin_key_is_refused()
    {
        await using var gateway = await ConnectAsync();
        var handle = await gateway.AttachAsync(VideoRoom, Ct);
        var room = Random.Shared.NextInt64(1, 1L << 50);

        var missing = await Should.ThrowAsync<JanusException>(() => handle.RequestAsync(new { request = "create", room }, Ct));
        missing.Code.ShouldBe(429);
        missing.Reason.ShouldContain("admin_key");
        var wrong = await Should.ThrowAsync<JanusException>(() => handle.RequestAsync(new { request = "create", room, admin_key = "not-the-key" }, Ct));
        wrong.Code.ShouldBe(433);
        (await handle.RequestAsync(new { request = "exists", room }, Ct)).GetProperty("exists").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_audiobridge_also_makes_rooms_only_with_the_admin_key()
    {
        await using var gateway = await ConnectAsync();
        var handle = await gateway.AttachAsync("janus.plugin.audiobridge", Ct);
        var room = Random.Shared.NextInt64(1, 1L << 50);

        (await Should.ThrowAsync<JanusException>(() => handle.RequestAsync(new { request = "create", room }, Ct))).Code.ShouldBe(483);
        (await Should.ThrowAsync<JanusException>(() => handle.RequestAsync(new { request = "create", room, admin_key = "not-the-key" }, Ct))).Code.ShouldBe(489);
        (await handle.RequestAsync(new { request = "create", room, admin_key = AdminKey, secret = "room-secret" }, Ct)).GetProperty("audiobridge").GetString().ShouldBe("created");
        (await handle.RequestAsync(new { request = "destroy", room, secret = "room-secret" }, Ct)).GetProperty("audiobridge").GetString().ShouldBe("destroyed");
    }

    [Fact]
    public async Task Joining_as_publisher_needs_an_allowed_token()
    {
        await using var gateway = await ConnectAsync();
        var admin = await gateway.AttachAsync(VideoRoom, Ct);
        var room = await CreateRoomAsync(admin, "token-a");
        var publisher = await gateway.AttachAsync(VideoRoom, Ct);

        var refused = await Should.ThrowAsync<JanusException>(() => publisher.MessageAsync(new { request = "join", ptype = "publisher", room, display = "no token" }, null, Ct));
        refused.Code.ShouldBe(433);
        (await Should.ThrowAsync<JanusException>(() => publisher.MessageAsync(new { request = "join", ptype = "publisher", room, token = "token-x" }, null, Ct))).Code.ShouldBe(433);

        var joined = await publisher.MessageAsync(new { request = "join", ptype = "publisher", room, token = "token-a", display = "Ada" }, null, Ct);
        joined.Janus.ShouldBe("event");
        joined.Data.GetProperty("videoroom").GetString().ShouldBe("joined");
        joined.Data.GetProperty("private_id").GetInt64().ShouldBeGreaterThan(0);
        joined.Jsep.ShouldBeNull();
        var participants = await admin.RequestAsync(new { request = "listparticipants", room }, Ct);
        participants.GetProperty("participants").EnumerateArray().Single().GetProperty("display").GetString().ShouldBe("Ada");
    }

    [Fact]
    public async Task Publishing_an_offer_gets_an_answer_with_host_candidates_on_this_machine_only()
    {
        await using var gateway = await ConnectAsync();
        var admin = await gateway.AttachAsync(VideoRoom, Ct);
        var room = await CreateRoomAsync(admin, "token-a");
        var publisher = await gateway.AttachAsync(VideoRoom, Ct);
        await publisher.MessageAsync(new { request = "join", ptype = "publisher", room, token = "token-a" }, null, Ct);

        var configured = await publisher.MessageAsync(new { request = "publish", audio = true }, new JanusJsep("offer", TestJanus.AudioOffer()), Ct);
        configured.Data.GetProperty("configured").GetString().ShouldBe("ok");
        configured.Jsep.ShouldNotBeNull().Type.ShouldBe("answer");
        // Janus 1.1 never gathers on loopback (tools/janus/janus-loopback.sh says why): the next best is host
        // candidates on this machine's own addresses, which a browser on the same machine reaches without a network.
        var candidates = configured.Jsep.Sdp.Split("\r\n").Where(l => l.StartsWith("a=candidate:", StringComparison.Ordinal)).ToList();
        candidates.ShouldNotBeEmpty();
        var own = NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork).Select(a => a.Address.ToString()).ToHashSet();
        foreach (var candidate in candidates)
        {
            var fields = candidate.Split(' ');
            fields[7].ShouldBe("host", candidate);
            own.ShouldContain(fields[4], candidate);
        }

        // The browser's candidates and the end of them go to Janus by trickle.
        await publisher.TrickleAsync("""{"candidate":"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host","sdpMid":"0","sdpMLineIndex":0}""", Ct);
        await publisher.TrickleAsync(null, Ct);
    }

    [Fact]
    public async Task Other_participants_and_kicks_arrive_as_unsolicited_events()
    {
        await using var gateway = await ConnectAsync();
        var admin = await gateway.AttachAsync(VideoRoom, Ct);
        var room = await CreateRoomAsync(admin, "token-a", notifyJoining: true);
        var ada = await gateway.AttachAsync(VideoRoom, Ct);
        var bo = await gateway.AttachAsync(VideoRoom, Ct);
        var adaHears = new Heard();
        var boHears = new Heard();
        ada.Unsolicited += adaHears.Add;
        bo.Unsolicited += boHears.Add;

        await ada.MessageAsync(new { request = "join", ptype = "publisher", room, token = "token-a", display = "Ada" }, null, Ct);
        var joined = await bo.MessageAsync(new { request = "join", ptype = "publisher", room, token = "token-a", display = "Bo" }, null, Ct);
        var bosId = joined.Data.GetProperty("id").GetInt64();

        var joining = await adaHears.NextAsync(e => e.Data.TryGetProperty("joining", out _), Ct);
        joining.Janus.ShouldBe("event");
        joining.Data.GetProperty("joining").GetProperty("display").GetString().ShouldBe("Bo");

        await admin.RequestAsync(new { request = "kick", room, secret = "room-secret", id = bosId }, Ct);
        var kicked = await boHears.NextAsync(e => e.Data.TryGetProperty("leaving", out _), Ct);
        kicked.Data.GetProperty("reason").GetString().ShouldBe("kicked");
    }

    [Fact]
    public async Task A_detached_handle_is_gone_and_disposing_destroys_the_session()
    {
        var gateway = await ConnectAsync();
        var handle = await gateway.AttachAsync(VideoRoom, Ct);
        await handle.DetachAsync(Ct);
        (await Should.ThrowAsync<JanusException>(() => handle.RequestAsync(new { request = "exists", room = 1 }, Ct))).Code.ShouldBe(JanusException.HandleNotFound);
        await handle.DetachAsync(Ct); // a second detach finds it gone: no error

        var session = gateway.SessionId;
        await gateway.DisposeAsync();
        gateway.Connected.ShouldBeFalse();
        (await RawAsync($"{Endpoint}/{session}", new { janus = "attach", plugin = VideoRoom })).GetProperty("error").GetProperty("code").GetInt32().ShouldBe(JanusException.SessionNotFound);
    }

    [Fact]
    public async Task The_gateway_survives_its_session_being_destroyed_under_it()
    {
        await using var gateway = await ConnectAsync();
        var handle = await gateway.AttachAsync(VideoRoom, Ct);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.SessionLost += () => lost.TrySetResult();
        gateway.Reconnected += () => reconnected.TrySetResult();
        var old = gateway.SessionId;

        // As if Janus had restarted or timed the session out: someone else destroys it.
        (await RawAsync($"{Endpoint}/{old}", new { janus = "destroy" })).GetProperty("janus").GetString().ShouldBe("success");

        // The next request on it finds out (the long poll would, after Janus's 30 s long-poll timeout).
        (await Should.ThrowAsync<JanusException>(() => handle.RequestAsync(new { request = "exists", room = 1 }, Ct))).Code.ShouldBe(JanusException.SessionNotFound);
        await lost.Task.WaitAsync(Ct);
        await reconnected.Task.WaitAsync(Ct);
        gateway.Connected.ShouldBeTrue();
        gateway.SessionId.ShouldNotBe(old);

        var again = await gateway.AttachAsync(VideoRoom, Ct);
        again.SessionId.ShouldBe(gateway.SessionId);
        var room = await CreateRoomAsync(again, "token-a");
        var publisher = await gateway.AttachAsync(VideoRoom, Ct);
        var joined = await publisher.MessageAsync(new { request = "join", ptype = "publisher", room, token = "token-a" }, null, Ct);
        joined.Data.GetProperty("videoroom").GetString().ShouldBe("joined"); // events flow on the new session's long poll
    }

    /// <summary>A handle's unsolicited events, awaited one by one.</summary>
    private sealed class Heard
    {
        private readonly Channel<JanusEvent> events = Channel.CreateUnbounded<JanusEvent>();

        public void Add(JanusEvent e) => events.Writer.TryWrite(e);

        public async Task<JanusEvent> NextAsync(Func<JanusEvent, bool> where, CancellationToken ct)
        {
            while (true)
            {
                var e = await events.Reader.ReadAsync(ct);
                if (where(e)) return e;
            }
        }
    }

    /// <summary>One Janus API request past the gateway, as another client of the same Janus.</summary>
    private async Task<JsonElement> RawAsync(string url, object request)
    {
        var body = JsonSerializer.SerializeToNode(request)!.AsObject();
        body["transaction"] = "raw";
        body["apisecret"] = Secret;
        using var response = await Http.PostAsJsonAsync(url, body, Ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
