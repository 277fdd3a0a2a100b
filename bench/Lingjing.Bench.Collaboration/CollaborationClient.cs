using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Collaboration;

namespace Lingjing.Bench.Collaboration;

/// <summary>The collaboration API as the benchmark calls it: timed requests, and the partners (enterprises and
/// institutions, each once, in rank order) of a need's matches or of a plain keyword search.</summary>
public sealed class CollaborationClient(HttpClient http)
{
    public static async Task<string> SignInAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>GETs the path as the token's owner; the body and the time to its last byte.</summary>
    public async Task<(JsonElement Body, double Milliseconds)> GetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {body}");
        return (body, elapsed);
    }

    /// <summary>The partners of a need's first <paramref name="limit"/> matches, each once, in rank order.</summary>
    public async Task<IReadOnlyList<Party>> MatchedPartnersAsync(string token, int needId, int limit)
    {
        var (body, _) = await GetAsync(token, $"api/v1/collaboration/needs/{needId}/matches?limit={limit}");
        return [.. body.GetProperty("matches").EnumerateArray().Select(PartyOf).Distinct()];
    }

    /// <summary>The baseline: a plain keyword search of the offers (the offers list's q, a substring of title or
    /// description) for each of the need's keywords (its tags and the words of its title between spaces), partners
    /// ranked by how many keywords their offers contain, then by the search's own order.</summary>
    public async Task<IReadOnlyList<Party>> KeywordPartnersAsync(string token, Need need)
    {
        var keywords = need.Tags.Concat(need.Title.Split([' ', ',', ':', '：', '，', '（', '）', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .Where(k => k.Length >= 2).Select(k => k.ToLowerInvariant()).Distinct().ToList();
        var hits = new Dictionary<Party, (int Keywords, int FirstSeen)>();
        var seen = 0;
        foreach (var keyword in keywords)
        {
            var (body, _) = await GetAsync(token, $"api/v1/collaboration/offers?q={Uri.EscapeDataString(keyword)}&pageSize=100");
            foreach (var party in body.GetProperty("items").EnumerateArray().Select(PartyOf).Distinct())
            {
                if (party.EnterpriseId == need.EnterpriseId) continue;
                hits[party] = hits.TryGetValue(party, out var h) ? (h.Keywords + 1, h.FirstSeen) : (1, seen++);
            }
        }
        return [.. hits.OrderByDescending(h => h.Value.Keywords).ThenBy(h => h.Value.FirstSeen).Select(h => h.Key)];
    }

    private static Party PartyOf(JsonElement item) => new(
        item.GetProperty("enterpriseId").ValueKind == JsonValueKind.Number ? item.GetProperty("enterpriseId").GetInt32() : null,
        item.GetProperty("institutionId").ValueKind == JsonValueKind.Number ? item.GetProperty("institutionId").GetInt32() : null);
}
