using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lingjing.Bots;

/// <summary>
/// Bearer tokens of the demo accounts, obtained through POST /api/v1/auth/token at bounded concurrency
/// (the server hashes passwords deliberately slowly) and cached in a file, so repeated runs skip it.
/// </summary>
public sealed class TokenCache(BotOptions options)
{
    // Tokens live 8 hours on the server; refresh well before.
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(7);

    private sealed record CachedToken(string Token, DateTimeOffset IssuedAt);
    private sealed record CacheFile(string Server, Dictionary<string, CachedToken> Tokens);
    private sealed record TokenBody(string AccessToken);

    public static string EmailOf(int userNumber) =>
        "user" + userNumber.ToString("D4", CultureInfo.InvariantCulture) + "@demo.lingjing.local";

    /// <summary>Tokens for users FirstUser .. FirstUser+count-1, in that order.</summary>
    public async Task<string[]> GetAsync(int count, Action<int> progress, CancellationToken cancellationToken)
    {
        var server = options.Url.GetLeftPart(UriPartial.Authority);
        var cache = Load(server);
        var result = new string[count];
        var missing = new ConcurrentQueue<int>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            if (cache.Tokens.TryGetValue(EmailOf(options.FirstUser + i), out var cached) && now - cached.IssuedAt < MaxAge)
                result[i] = cached.Token;
            else
                missing.Enqueue(i);
        }
        var done = count - missing.Count;
        progress(done);
        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(2) };
        var fresh = new ConcurrentDictionary<string, CachedToken>();
        var workers = Enumerable.Range(0, options.SignInConcurrency).Select(async _ =>
        {
            while (missing.TryDequeue(out var i))
            {
                var email = EmailOf(options.FirstUser + i);
                using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = options.Password }, cancellationToken);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                var body = await response.Content.ReadFromJsonAsync<TokenBody>(cancellationToken);
                result[i] = body!.AccessToken;
                fresh[email] = new CachedToken(body.AccessToken, DateTimeOffset.UtcNow);
                progress(Interlocked.Increment(ref done));
            }
        }).ToList();
        try
        {
            await Task.WhenAll(workers);
        }
        finally
        {
            if (!fresh.IsEmpty)
            {
                foreach (var (email, token) in fresh) cache.Tokens[email] = token;
                Save(cache);
            }
        }
        return result;
    }

    private CacheFile Load(string server)
    {
        try
        {
            if (File.Exists(options.TokenFile)
                && JsonSerializer.Deserialize<CacheFile>(File.ReadAllText(options.TokenFile)) is { } file
                && file.Server == server)
                return file;
        }
        catch (JsonException)
        {
            // A damaged cache is simply rebuilt.
        }
        return new CacheFile(server, new Dictionary<string, CachedToken>());
    }

    private void Save(CacheFile cache)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.TokenFile));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(options.TokenFile, JsonSerializer.Serialize(cache));
    }
}
