using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Lingjing.Server.Tests.Platform;

/// <summary>The in-memory test server has no peer address; this sets it from an X-Test-Peer header
/// before the app's own pipeline runs, as if the request came over that connection.</summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Headers[Header] is { Count: 1 } peer) http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return nextMiddleware(http);
        });
        next(app);
    };
}
