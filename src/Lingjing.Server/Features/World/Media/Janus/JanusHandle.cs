using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>One plugin handle in a <see cref="JanusGateway"/>'s session. It belongs to the session it was attached in:
/// after the gateway lost that session, its requests fail with <see cref="JanusException.SessionNotFound"/>.</summary>
public sealed class JanusHandle
{
    private readonly JanusGateway gateway;

    internal JanusHandle(JanusGateway gateway, long sessionId, long id, string plugin)
    {
        this.gateway = gateway;
        SessionId = sessionId;
        Id = id;
        Plugin = plugin;
    }

    public long Id { get; }
    public long SessionId { get; }
    public string Plugin { get; }

    /// <summary>Events for this handle not answering a request: plugin events without transaction, "webrtcup",
    /// "hangup", "media", "slowlink", "detached". Raised on the gateway's event loop: don't block in it.</summary>
    public event Action<JanusEvent>? Unsolicited;

    /// <summary>Synchronous plugin request (create, destroy, allowed, kick, listparticipants, exists...): returns
    /// plugindata.data; throws <see cref="JanusException"/> on a Janus error or a plugin error (data.error_code/data.error).
    /// A request the plugin answers asynchronously after all ("ack") is awaited like <see cref="MessageAsync"/>.</summary>
    public async Task<JsonElement> RequestAsync(object body, CancellationToken ct) =>
        (await gateway.SendMessageAsync(this, body, null, ct).ConfigureAwait(false)).Data;

    /// <summary>Asynchronous plugin request (join, publish, configure, start...): sends with an optional JSEP, waits for
    /// the event with the same transaction, returns data and the event's JSEP; throws <see cref="JanusException"/> on
    /// error, <see cref="TimeoutException"/> when no answer comes within 10 s.</summary>
    public Task<JanusEvent> MessageAsync(object body, JanusJsep? jsep, CancellationToken ct) =>
        gateway.SendMessageAsync(this, body, jsep, ct);

    /// <summary>Passes on one ICE candidate of the browser's (an RTCIceCandidateInit as JSON: candidate, sdpMid,
    /// sdpMLineIndex), or null when the browser has gathered them all.</summary>
    public async Task TrickleAsync(string? candidateJson, CancellationToken ct)
    {
        var candidate = candidateJson is null ? new JsonObject { ["completed"] = true } : JsonNode.Parse(candidateJson);
        await gateway.PostToHandleAsync(this, new JsonObject { ["janus"] = "trickle", ["candidate"] = candidate }, ct).ConfigureAwait(false);
    }

    /// <summary>Detaches the handle (hangs up its PeerConnection). A handle Janus no longer knows counts as detached.</summary>
    public async Task DetachAsync(CancellationToken ct)
    {
        gateway.Forget(this);
        try
        {
            await gateway.PostToHandleAsync(this, new JsonObject { ["janus"] = "detach" }, ct).ConfigureAwait(false);
        }
        catch (JanusException e) when (e.Code is JanusException.SessionNotFound or JanusException.HandleNotFound)
        {
            // Gone already, with its session or by itself: what detaching was for.
        }
    }

    internal void Raise(JanusEvent e) => Unsolicited?.Invoke(e);
}
