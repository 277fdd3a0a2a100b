using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>One Janus session over the HTTP API with one long-poll loop delivering events for all its handles.
/// Requests are POSTs that carry the api secret; events come from <c>GET {endpoint}/{session}?maxev=20</c>, which
/// Janus holds up to 30 s and which also keeps the session alive (Janus passes it on as a keepalive). When Janus
/// forgets the session (restart, timeout, destroyed) the gateway raises <see cref="SessionLost"/>, drops that
/// session's handles and pending requests, and makes a new session by itself (<see cref="Reconnected"/>).</summary>
public sealed class JanusGateway : IAsyncDisposable
{
    /// <summary>Janus answers an idle long poll after 30 s; no answer after 60 s means a dead connection.</summary>
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long an asynchronous plugin request may take to answer with its event.</summary>
    internal static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);

    private readonly HttpClient http;
    private readonly string endpoint;
    private readonly string? apiSecret;
    private readonly ILogger<JanusGateway> logger;
    private readonly ConcurrentDictionary<long, JanusHandle> handles = new();
    private readonly ConcurrentDictionary<string, Waiter> waiters = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock sessionLock = new();
    private Session? session;
    private Task? loop;
    private long transactions;
    private int disposed;

    /// <summary>A Janus session; <see cref="Lost"/> is cancelled when Janus forgot it, which ends its long poll.</summary>
    private sealed record Session(long Id, CancellationTokenSource Lost);

    /// <summary>A request waiting for the event that answers it.</summary>
    private sealed record Waiter(long SessionId, TaskCompletionSource<JsonElement> Answer);

    public JanusGateway(HttpClient http, Uri endpoint, string? apiSecret, ILogger<JanusGateway> logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        this.http = http;
        this.endpoint = endpoint.ToString().TrimEnd('/');
        this.apiSecret = string.IsNullOrEmpty(apiSecret) ? null : apiSecret;
        this.logger = logger;
    }

    /// <summary>Janus restarted, or the session timed out or was destroyed (error 458, a 404 on the long poll, a
    /// "timeout" event). Its handles are gone; the gateway makes a new session by itself after raising this.</summary>
    public event Action? SessionLost;

    /// <summary>A new session replaces a lost one: attach the handles anew.</summary>
    public event Action? Reconnected;

    /// <summary>Whether there is a session now (false from a loss until the new session is made).</summary>
    public bool Connected => Volatile.Read(ref session) is not null && Volatile.Read(ref disposed) == 0;

    /// <summary>The current session's id, 0 when there is none.</summary>
    public long SessionId => Volatile.Read(ref session)?.Id ?? 0;

    /// <summary>Creates the session (throws <see cref="JanusException"/> 403 for a wrong api secret, or
    /// <see cref="HttpRequestException"/> when Janus does not answer) and starts the event loop.</summary>
    public async Task ConnectAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (loop is not null) throw new InvalidOperationException("The Janus gateway is connected already.");
        Volatile.Write(ref session, await CreateSessionAsync(ct).ConfigureAwait(false));
        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
    }

    /// <summary>Attaches a handle to a plugin ("janus.plugin.videoroom", "janus.plugin.audiobridge").</summary>
    public async Task<JanusHandle> AttachAsync(string plugin, CancellationToken ct)
    {
        var current = CurrentSession();
        var reply = await PostAsync($"{endpoint}/{current.Id}", new JsonObject { ["janus"] = "attach", ["plugin"] = plugin }, current.Id, ct).ConfigureAwait(false);
        var handle = new JanusHandle(this, current.Id, reply.GetProperty("data").GetProperty("id").GetInt64(), plugin);
        handles[handle.Id] = handle;
        return handle;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null) await loop.ConfigureAwait(false);
        var last = Interlocked.Exchange(ref session, null);
        FailWaiters(_ => true, () => new ObjectDisposedException(nameof(JanusGateway)));
        handles.Clear();
        if (last is not null)
        {
            // Destroying the session frees its handles and PeerConnections in Janus at once instead of after the session timeout.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await PostAsync($"{endpoint}/{last.Id}", new JsonObject { ["janus"] = "destroy" }, 0, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or JanusException or OperationCanceledException or JsonException)
            {
                logger.LogDebug(e, "Janus session {Session} not destroyed; Janus will time it out", last.Id);
            }
            last.Lost.Dispose();
        }
        stopping.Dispose();
    }

    /// <summary>Sends a plugin message and returns the plugin's answer: at once when the plugin answers synchronously
    /// ("success"), else the event with the same transaction ("ack" first).</summary>
    internal async Task<JanusEvent> SendMessageAsync(JanusHandle handle, object body, JanusJsep? jsep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var transaction = NextTransaction();
        var message = new JsonObject { ["janus"] = "message", ["transaction"] = transaction, ["body"] = JanusJson.ToNode(body) };
        if (jsep is not null) message["jsep"] = new JsonObject { ["type"] = jsep.Type, ["sdp"] = jsep.Sdp };
        // Waiting before posting: the long poll can deliver the event before the POST's "ack" comes back.
        var waiter = new Waiter(handle.SessionId, new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
        waiters[transaction] = waiter;
        try
        {
            var reply = await PostToHandleAsync(handle, message, ct).ConfigureAwait(false);
            if (JanusJson.Kind(reply) == "ack")
            {
                try
                {
                    reply = await waiter.Answer.Task.WaitAsync(EventTimeout, ct).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException($"Janus did not answer {Describe(body)} on handle {handle.Id} within {EventTimeout.TotalSeconds:0} s.");
                }
            }
            var answer = JanusEvent.From(reply);
            JanusJson.ThrowIfPluginError(answer.Data);
            return answer;
        }
        finally
        {
            waiters.TryRemove(transaction, out _);
        }
    }

    internal Task<JsonElement> PostToHandleAsync(JanusHandle handle, JsonObject message, CancellationToken ct) =>
        PostAsync($"{endpoint}/{handle.SessionId}/{handle.Id}", message, handle.SessionId, ct, handle.Id);

    internal void Forget(JanusHandle handle) => handles.TryRemove(new KeyValuePair<long, JanusHandle>(handle.Id, handle));

    private Session CurrentSession()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (loop is null) throw new InvalidOperationException("Call ConnectAsync first.");
        return Volatile.Read(ref session)
            ?? throw new JanusException(JanusException.SessionNotFound, "No Janus session at the moment: the gateway is making a new one.");
    }

    private async Task<Session> CreateSessionAsync(CancellationToken ct)
    {
        var reply = await PostAsync(endpoint, new JsonObject { ["janus"] = "create" }, 0, ct).ConfigureAwait(false);
        var id = reply.GetProperty("data").GetProperty("id").GetInt64();
        logger.LogInformation("Janus session {Session} created at {Endpoint}", id, endpoint);
        return new Session(id, new CancellationTokenSource());
    }

    /// <summary>POSTs one Janus API request and returns the reply; throws Janus API errors. An error saying the session
    /// or handle is gone also drops it here.</summary>
    private async Task<JsonElement> PostAsync(string url, JsonObject message, long sessionId, CancellationToken ct, long handleId = 0)
    {
        if (!message.ContainsKey("transaction")) message["transaction"] = NextTransaction();
        if (apiSecret is not null) message["apisecret"] = apiSecret;
        using var response = await http.PostAsJsonAsync(url, message, ct).ConfigureAwait(false);
        // Janus answers its own errors with 200 and a JSON body; anything else comes from the HTTP layer.
        if (response.StatusCode != HttpStatusCode.OK)
            throw new JanusException((int)response.StatusCode, $"Janus answered HTTP {(int)response.StatusCode} to {message["janus"]} at {url}.");
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
        try
        {
            JanusJson.ThrowIfError(reply);
        }
        catch (JanusException e) when (e.Code == JanusException.SessionNotFound && sessionId != 0)
        {
            OnSessionLost(sessionId, e.Reason);
            throw;
        }
        catch (JanusException e) when (e.Code == JanusException.HandleNotFound && handleId != 0)
        {
            handles.TryRemove(handleId, out _);
            throw;
        }
        return reply;
    }

    /// <summary>The event loop: long-polls the current session, makes a new one when it is lost, and retries failed
    /// polls after 0.5 s, 1 s, 2 s ... up to 10 s, so a Janus that is down for a while is not hammered.</summary>
    private async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var current = Volatile.Read(ref session);
            try
            {
                if (current is null)
                {
                    current = await CreateSessionAsync(ct).ConfigureAwait(false);
                    Volatile.Write(ref session, current);
                    Raise(Reconnected, nameof(Reconnected));
                }
                await PollAsync(current, ct).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException) when (current?.Lost.IsCancellationRequested == true)
            {
                // The session was lost while we polled it: make a new one right away.
            }
#pragma warning disable CA1031 // Whatever went wrong (Janus down, a reply of an unexpected shape), the loop goes on after a pause.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures++;
                var delay = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 10)));
                // Janus down or restarting is expected now and then: its message is enough; anything else gets its stack.
                if (e is HttpRequestException or OperationCanceledException)
                    logger.LogWarning("Janus long poll failed ({Failures} in a row): {Error}; retrying in {Delay} ms", failures, e.Message, delay.TotalMilliseconds);
                else
                    logger.LogWarning(e, "Janus long poll failed ({Failures} in a row); retrying in {Delay} ms", failures, delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task PollAsync(Session current, CancellationToken ct)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct, current.Lost.Token);
        poll.CancelAfter(PollTimeout);
        var url = $"{endpoint}/{current.Id}?maxev=20" + (apiSecret is null ? "" : "&apisecret=" + Uri.EscapeDataString(apiSecret));
        using var response = await http.GetAsync(url, poll.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // The HTTP transport answers 404 with no body for a session it does not know.
            OnSessionLost(current.Id, "the long poll found no such session");
            return;
        }
        if (response.StatusCode == HttpStatusCode.Forbidden)
            throw new JanusException(JanusException.Unauthorized, "Janus refused the long poll: wrong or missing api secret.");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(poll.Token).ConfigureAwait(false);
        if (body.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in body.EnumerateArray()) Dispatch(current, message);
        }
        else
        {
            Dispatch(current, body);
        }
    }

    private void Dispatch(Session current, JsonElement message)
    {
        var kind = JanusJson.Kind(message);
        if (kind == "keepalive") return;
        if (kind == "timeout")
        {
            OnSessionLost(current.Id, "the session timed out");
            return;
        }
        if (JanusJson.Transaction(message) is { } transaction && waiters.TryRemove(transaction, out var waiter))
        {
            waiter.Answer.TrySetResult(message);
            return;
        }
        var sender = JanusJson.Sender(message);
        if (!handles.TryGetValue(sender, out var handle))
        {
            logger.LogDebug("Janus {Kind} for handle {Handle}, which is not ours (any more)", kind, sender);
            return;
        }
        if (JanusJson.Transaction(message) is { } late && kind == "event")
        {
            // An answer whose request gave up waiting (timeout, cancelled): nobody asked for it any more.
            logger.LogDebug("Janus answered transaction {Transaction} on handle {Handle} too late", late, sender);
            return;
        }
        // Janus detached the handle itself (e.g. its PeerConnection failed for good): it will send nothing more.
        if (kind == "detached") handles.TryRemove(sender, out _);
        try
        {
            handle.Raise(JanusEvent.From(message));
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop the event loop of every handle.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Handler of Janus {Kind} on handle {Handle} failed", kind, sender);
        }
    }

    private void OnSessionLost(long id, string why)
    {
        Session? lost;
        lock (sessionLock)
        {
            lost = Volatile.Read(ref session);
            if (lost is null || lost.Id != id) return;
            Volatile.Write(ref session, null);
        }
        logger.LogWarning("Janus session {Session} lost ({Why}); making a new one", id, why);
        lost.Lost.Cancel();
        FailWaiters(w => w.SessionId == id, () => new JanusException(JanusException.SessionNotFound, $"Janus session {id} was lost ({why})."));
        foreach (var (handleId, handle) in handles)
            if (handle.SessionId == id) handles.TryRemove(handleId, out _);
        Raise(SessionLost, nameof(SessionLost));
    }

    private void FailWaiters(Func<Waiter, bool> which, Func<Exception> error)
    {
        foreach (var (transaction, waiter) in waiters)
            if (which(waiter) && waiters.TryRemove(transaction, out _)) waiter.Answer.TrySetException(error());
    }

    private void Raise(Action? handlers, string name)
    {
        try
        {
            handlers?.Invoke();
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop the event loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Handler of the Janus gateway's {Event} failed", name);
        }
    }

    private string NextTransaction() => "lj" + Interlocked.Increment(ref transactions).ToString(CultureInfo.InvariantCulture);

    private static string Describe(object body) =>
        JanusJson.ToNode(body) is JsonObject o && o["request"] is { } request ? $"\"{request}\"" : "a request";
}
