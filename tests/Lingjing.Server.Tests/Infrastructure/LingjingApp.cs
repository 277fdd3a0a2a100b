using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>One Lingjing server in memory over a database of its own (SQLite file in a temporary
/// data directory, or a fresh PostgreSQL database).</summary>
public sealed class LingjingApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public Db Database { get; }
    public string DataDirectory { get; }

    private LingjingApp(Db database, string dataDirectory, Dictionary<string, string?> settings)
    {
        Database = database;
        DataDirectory = dataDirectory;
        this.settings = settings;
    }

    /// <param name="demo">Seed the full demo zone (51 parks, 50,000 enterprises, ...).</param>
    public static async Task<LingjingApp> StartAsync(Db database, bool demo, IDictionary<string, string?>? extra = null)
    {
        var dataDirectory = TestDatabase.CreateDataDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Lingjing:DataDirectory"] = dataDirectory,
            ["Lingjing:Demo"] = demo ? "true" : "false",
            ["ConnectionStrings:Postgres"] = database == Db.Postgres ? await TestDatabase.CreatePostgresDatabaseAsync() : "",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var app = new LingjingApp(database, dataDirectory, settings);
        _ = app.Server; // start now: migrate and seed before the first test request
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not map static web assets (compressed variants, _framework/blazor.web.js): without this, browsers get empty CSS/JS.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that does not follow redirects, so tests see 302s to the sign-in page.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client carrying a bearer token of the given account.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = DemoAccounts.Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenBody(string AccessToken, long ExpiresIn);
}
