using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>One Lingjing server in memory over a database of its own (SQLite file in a temporary
/// data directory, or a fresh PostgreSQL database).</summary>
public sealed class LingjingApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    public Db Database { get; }
    public string DataDirectory { get; }

    private LingjingApp(Db database, string dataDirectory, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Database = database;
        DataDirectory = dataDirectory;
        this.settings = settings;
        this.services = services;
    }

    /// <summary>Where a browser reaches the app; set when started with <c>kestrel: true</c>.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <param name="demo">Seed the full demo zone (51 parks, 50,000 enterprises, ...).</param>
    /// <param name="kestrel">Listen on a real loopback port (for browser tests) instead of the in-memory test server.</param>
    /// <param name="services">Replaces services of the server from its start (a fake clock): one server, where a
    /// second factory over this one (<c>WithWebHostBuilder</c>) would start a second.</param>
    public static async Task<LingjingApp> StartAsync(Db database, bool demo, IDictionary<string, string?>? extra = null, bool kestrel = false,
        Action<IServiceCollection>? services = null)
    {
        var dataDirectory = TestDatabase.CreateDataDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Lingjing:DataDirectory"] = dataDirectory,
            ["Lingjing:Demo"] = demo ? "true" : "false",
            ["ConnectionStrings:Postgres"] = database == Db.Postgres ? await TestDatabase.CreatePostgresDatabaseAsync() : "",
            // Hundreds of test servers start in one run: each builds its matching index when a test first asks.
            ["Lingjing:Collaboration:WarmIndexAtStart"] = "false",
        };
        foreach (var (key, value) in TestClock.ServerSettings()) settings[key] = value;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var app = new LingjingApp(database, dataDirectory, settings, services);
        if (kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!;
            app.BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        }
        else
        {
            _ = app.Server; // start now: migrate and seed before the first test request
        }
        return app;
    }

    /// <summary>Stops the app and empties its connection pool. Hundreds of test apps would otherwise keep their
    /// PostgreSQL pools open until the server's max_connections is reached, and each SQLite pool's pruning timer,
    /// started inside the app's start-up, would keep the whole stopped app in memory.</summary>
    public override async ValueTask DisposeAsync()
    {
        var connectionString = Services.GetService<Lingjing.Server.Infrastructure.Data.DatabaseSettings>()?.ConnectionString;
        await StopSiloAsync();
        await base.DisposeAsync();
        if (connectionString is null) return;
        if (Database == Db.Postgres)
        {
            using var pool = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(pool);
        }
        else
        {
            using var pool = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pool);
        }
    }

    /// <summary>Stops the app's Orleans silo before the host. Disposing a factory over a minimal-hosting app stops its
    /// host twice at once (the factory, and Program's <c>app.Run()</c> returning); the second stop of a silo that is
    /// still stopping polls for the end in one-second steps, which over hundreds of test servers adds minutes.</summary>
    private async Task StopSiloAsync()
    {
        if (Services.GetService<Orleans.Runtime.Silo>() is not { } silo) return;
        try
        {
            await silo.StopAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Not running (it failed to start, or a test stopped it): nothing to stop.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not map static web assets (compressed variants, _framework/blazor.web.js): without this, browsers get empty CSS/JS.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new ServerErrorLog()));
        // Test accounts need no hash that resists offline cracking: 100,000 PBKDF2 rounds cost tens of milliseconds of
        // processor per account created and per sign-in, and a run creates and signs in thousands.
        builder.ConfigureTestServices(s => s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that does not follow redirects, so tests see 302s to the sign-in page.</summary>
    public HttpClient Anonymous() => BaseAddress is null
        ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })
        // On Kestrel the factory's client options do not apply: a plain socket client that keeps redirects visible.
        : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>A client carrying a bearer token of the given account (tokens are reused per account).</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = DemoAccounts.Password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email, password));
        return client;
    }

    public async Task<string> TokenAsync(string email, string password = DemoAccounts.Password)
    {
        if (tokens.TryGetValue(email, out var cached)) return cached;
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        tokens[email] = token;
        return token;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> tokens = new();

    private sealed record TokenBody(string AccessToken, long ExpiresIn);
}
