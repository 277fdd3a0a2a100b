using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.World.Media;
using Lingjing.Server.Features.World.Media.Janus;
using Lingjing.World.Media;
using Lingjing.World.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Tests.World.Media;

/// <summary>The Janus forwarder against the real Janus ./test.sh starts: a world gets a private room of its own, a
/// publisher joins it with a token Lingjing minted and gets Janus's answer, leaving takes it out again, and Janus
/// losing the session is told to every client that had a connection.</summary>
public sealed class JanusForwarderTests : IAsyncLifetime, IDisposable
{
    private static readonly HttpClient Http = new();
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));
    private JanusGateway gateway = null!;
    private JanusForwarder forwarder = null!;
    private JanusHandle admin = null!;

    private CancellationToken Ct => timeout.Token;

    public async Task InitializeAsync()
    {
        gateway = new JanusGateway(Http, TestJanus.Endpoint, TestJanus.Secret, NullLogger<JanusGateway>.Instance);
        await gateway.ConnectAsync(Ct);
        forwarder = new JanusForwarder(gateway, Options.Create(new MediaOptions { JanusAdminKey = TestJanus.AdminKey }), NullLogger<JanusForwarder>.Instance);
        admin = await gateway.AttachAsync("janus.plugin.videoroom", Ct);
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    public void Dispose()
    {
        forwarder.Dispose();
        timeout.Dispose();
    }

    private static ForwarderParty Party(string world, uint avatar, string name) => new(world, avatar, name);

    private static string NewWorld() => "park-test-" + Guid.NewGuid().ToString("N")[..8];

    private Task<ForwarderSignal?> PublishAsync(ForwarderParty party)
    {
        var offer = new ForwarderSignal { Kind = ForwarderSignalKind.Publish, Sdp = TestJanus.AudioOffer() };
        offer.Tracks.Add(new MediaTrack { Mid = "0", Kind = MediaTrackKind.Audio });
        return forwarder.HandleAsync(party, offer, Ct);
    }

    /// <summary>The room Lingjing made for a world (private rooms are listed only with the admin key).</summary>
    private async Task<long?> RoomOfAsync(string world)
    {
        var list = await admin.RequestAsync(new { request = "list", admin_key = TestJanus.AdminKey }, Ct);
        return list.GetProperty("list").EnumerateArray()
            .Where(r => r.GetProperty("description").GetString() == "Lingjing " + world)
            .Select(r => (long?)r.GetProperty("room").GetInt64()).SingleOrDefault();
    }

    private async Task<List<(long Id, string Display)>> ParticipantsAsync(long room)
    {
        var listed = await admin.RequestAsync(new { request = "listparticipants", room }, Ct);
        return [.. listed.GetProperty("participants").EnumerateArray()
            .Select(p => (p.GetProperty("id").GetInt64(), p.TryGetProperty("display", out var d) ? d.GetString() ?? "" : ""))];
    }

    [Fact]
    public async Task Publishing_joins_the_worlds_private_room_under_the_avatar_id_and_answers_the_offer()
    {
        var world = NewWorld();
        var answer = await PublishAsync(Party(world, 7, "Ana"));

        answer.ShouldNotBeNull();
        answer.Kind.ShouldBe(ForwarderSignalKind.Publish);
        answer.Sdp.ShouldContain("m=audio");
        var room = (await RoomOfAsync(world)).ShouldNotBeNull();
        var info = await admin.RequestAsync(new { request = "list", admin_key = TestJanus.AdminKey }, Ct);
        var listed = info.GetProperty("list").EnumerateArray().Single(r => r.GetProperty("room").GetInt64() == room);
        listed.GetProperty("require_pvtid").GetBoolean().ShouldBeTrue();
        (await ParticipantsAsync(room)).ShouldBe([(7L, "Ana")]);
    }

    [Fact]
    public async Task Each_world_has_a_room_of_its_own_and_nobody_can_join_it_without_a_minted_token()
    {
        var (first, second) = (NewWorld(), NewWorld());
        await PublishAsync(Party(first, 11, "Ana"));
        await PublishAsync(Party(second, 12, "Ben"));

        var room = (await RoomOfAsync(first)).ShouldNotBeNull();
        room.ShouldNotBe((await RoomOfAsync(second)).ShouldNotBeNull());
        var stranger = await gateway.AttachAsync("janus.plugin.videoroom", Ct);
        var refused = await Should.ThrowAsync<JanusException>(() =>
            stranger.MessageAsync(new { request = "join", ptype = "publisher", room, display = "Stranger" }, null, Ct));
        refused.Code.ShouldBe(433); // unauthorized: not on the allowed list
        (await Should.ThrowAsync<JanusException>(() =>
            admin.RequestAsync(new { request = "destroy", room, secret = "a guess" }, Ct))).Code.ShouldBe(433); // only Lingjing has the room's secret
    }

    [Fact]
    public async Task Mixing_joins_the_worlds_own_audio_bridge_with_a_minted_token_and_leaving_ends_it()
    {
        var world = NewWorld();
        var ana = Party(world, 31, "Ana");
        var answer = await forwarder.HandleAsync(ana,
            new ForwarderSignal { Kind = ForwarderSignalKind.Mix, Feed = ForwarderFeeds.Mix, Sdp = TestJanus.AudioOffer("sendrecv") }, Ct);

        answer.ShouldNotBeNull();
        (answer.Kind, answer.Feed).ShouldBe((ForwarderSignalKind.Mix, ForwarderFeeds.Mix));
        answer.Sdp.ShouldContain("m=audio");
        var bridge = await gateway.AttachAsync("janus.plugin.audiobridge", Ct);
        var rooms = await bridge.RequestAsync(new { request = "list", admin_key = TestJanus.AdminKey }, Ct);
        var room = rooms.GetProperty("list").EnumerateArray()
            .Single(r => r.GetProperty("description").GetString() == "Lingjing " + world).GetProperty("room").GetInt64();
        async Task<long[]> InTheMixAsync() => [.. (await bridge.RequestAsync(new { request = "listparticipants", room }, Ct))
            .GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("id").GetInt64())];
        (await InTheMixAsync()).ShouldBe([31L]);
        async Task<bool> MutedAsync() => (await bridge.RequestAsync(new { request = "listparticipants", room }, Ct))
            .GetProperty("participants").EnumerateArray().Single().GetProperty("muted").GetBoolean();
        (await MutedAsync()).ShouldBeFalse();
        await forwarder.SilenceAsync(ana, true, Ct);
        (await MutedAsync()).ShouldBeTrue("an operator's mute keeps Ana's voice out of the mix");
        await forwarder.SilenceAsync(ana, false, Ct);
        (await MutedAsync()).ShouldBeFalse();

        var stranger = await gateway.AttachAsync("janus.plugin.audiobridge", Ct);
        await Should.ThrowAsync<JanusException>(() => stranger.MessageAsync(new { request = "join", room, display = "Stranger" }, null, Ct));

        await forwarder.HandleAsync(ana, new ForwarderSignal { Kind = ForwarderSignalKind.Close, Feed = ForwarderFeeds.Mix }, Ct);
        // Janus acknowledges a leave before its plugin has carried it out.
        await UntilAsync(async () => (await InTheMixAsync()).Length == 0, "Ana leaves the mix");

        // Silenced while out of the mix: she comes back muted.
        await forwarder.SilenceAsync(ana, true, Ct);
        await forwarder.HandleAsync(ana,
            new ForwarderSignal { Kind = ForwarderSignalKind.Mix, Feed = ForwarderFeeds.Mix, Sdp = TestJanus.AudioOffer("sendrecv") }, Ct);
        (await MutedAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Leaving_takes_the_participant_out_of_the_room()
    {
        var world = NewWorld();
        var ana = Party(world, 21, "Ana");
        await PublishAsync(ana);
        await PublishAsync(Party(world, 22, "Ben"));
        var room = (await RoomOfAsync(world)).ShouldNotBeNull();

        await forwarder.LeaveAsync(ana, Ct);

        // Janus acknowledges a leave before its plugin has carried it out.
        await UntilAsync(async () => (await ParticipantsAsync(room)).Select(p => p.Id).SequenceEqual([22L]), "only Ben is left in the room");
    }

    [Fact]
    public async Task When_Janus_loses_the_session_every_client_with_a_connection_is_told_to_start_over()
    {
        var world = NewWorld();
        var ana = Party(world, 31, "Ana");
        await PublishAsync(ana);
        var closed = new ConcurrentQueue<(uint Avatar, ForwarderSignal Signal)>();
        forwarder.Closed += (party, signal) => closed.Enqueue((party.AvatarId, signal));

        // As if Janus had restarted: someone destroys the session under the gateway; the next request finds out.
        await DestroySessionAsync(gateway.SessionId);
        await Should.ThrowAsync<JanusException>(() => PublishAsync(Party(world, 32, "Ben")));

        await UntilAsync(() => closed.Any(c => c.Avatar == 31), "Ana is told her connection closed");
        var (_, signal) = closed.First(c => c.Avatar == 31);
        (signal.Kind, signal.Feed, signal.Reason).ShouldBe((ForwarderSignalKind.Close, 0u, MediaRefuseReason.ForwarderFailed));
        // Once reconnected, publishing works again: in a room that exists once more.
        await UntilAsync(() => gateway.Connected, "the gateway reconnects");
        (await PublishAsync(ana)).ShouldNotBeNull().Kind.ShouldBe(ForwarderSignalKind.Publish);
    }

    /// <summary>Waits for what the gateway's event loop does on its own thread; never a fixed sleep.</summary>
    private Task UntilAsync(Func<bool> condition, string because) => UntilAsync(() => Task.FromResult(condition()), because);

    private async Task UntilAsync(Func<Task<bool>> condition, string because)
    {
        while (!await condition())
        {
            if (Ct.IsCancellationRequested) throw new TimeoutException(because);
            await Task.Delay(20, Ct);
        }
    }

    private async Task DestroySessionAsync(long session)
    {
        var body = new Dictionary<string, string> { ["janus"] = "destroy", ["transaction"] = "test", ["apisecret"] = TestJanus.Secret };
        using var response = await Http.PostAsJsonAsync($"{TestJanus.Endpoint}/{session}", body, Ct);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("janus").GetString().ShouldBe("success");
    }
}
