using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Twins;

/// <summary>A demo-zone server whose clock is a <see cref="FakeTimeProvider"/> the test moves, with
/// telemetry settings of the test's choosing (a small queue, say).</summary>
public sealed class TwinsTestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private readonly FakeTimeProvider? clock;

    private TwinsTestApp(Dictionary<string, string?> settings, FakeTimeProvider? clock)
    {
        this.settings = settings;
        this.clock = clock;
    }

    /// <summary>The fake clock (not on Kestrel: a broker's real timeouts need the real one).</summary>
    public FakeTimeProvider Clock => clock ?? throw new InvalidOperationException("This app runs on the real clock.");

    /// <summary>Where the app listens when started with a Kestrel port (RabbitMQ calls back into it).</summary>
    public Uri? BaseAddress { get; private set; }

    public static async Task<TwinsTestApp> StartAsync(Db database, IDictionary<string, string?>? extra = null, int? kestrelPort = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Lingjing:DataDirectory"] = TestDatabase.CreateDataDirectory(),
            ["Lingjing:Demo"] = "true",
            ["ConnectionStrings:Postgres"] = database == Db.Postgres ? await TestDatabase.CreatePostgresDatabaseAsync() : "",
        };
        foreach (var (key, value) in TestClock.ServerSettings()) settings[key] = value;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        // A whole second, so stored instants compare exactly.
        var now = DateTimeOffset.FromUnixTimeSeconds(TestClock.Now.ToUnixTimeSeconds());
        var app = new TwinsTestApp(settings, kestrelPort is null ? new FakeTimeProvider(now) : null);
        if (kestrelPort is { } port)
        {
            app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
            app.StartServer();
            app.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        }
        else
        {
            _ = app.Server;
        }
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (clock is null) return;
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
    }

    private HttpClient NewClient() => BaseAddress is null
        ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
        : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Device(string token)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", token);
        return client;
    }
}
