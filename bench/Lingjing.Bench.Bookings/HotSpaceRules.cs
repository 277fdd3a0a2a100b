using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lingjing.Bench.Bookings;

/// <summary>Opens the hot spaces to the benchmark's clients through the rules API, as the zone's
/// government may: everyone signed in, no approval, no weekly quota, no buffer, 15 min to 8 h,
/// 90 days ahead, no blackout days. Opening hours and days stay as seeded. (The demo zone gives some
/// spaces tenant-only audiences, approval, quotas or blackouts, which would turn the load into 403s and 400s.)</summary>
public static class HotSpaceRules
{
    public static async Task OpenAsync(HttpClient http, string governmentToken, IEnumerable<int> spaceIds)
    {
        foreach (var id in spaceIds)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"api/v1/spaces/{id}/rules");
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", governmentToken);
            using var current = await http.SendAsync(get);
            current.EnsureSuccessStatusCode();
            var rules = JsonNode.Parse(await current.Content.ReadAsStringAsync())!.AsObject();
            foreach (var blackout in rules["blackouts"]?.AsArray() ?? [])
            {
                using var delete = new HttpRequestMessage(HttpMethod.Delete, $"api/v1/spaces/{id}/blackouts/{blackout!["id"]}");
                delete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", governmentToken);
                using var deleted = await http.SendAsync(delete);
                if (!deleted.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Could not lift blackout {blackout["id"]} of space {id}: {(int)deleted.StatusCode}");
            }
            rules["audience"] = "signed-in";
            rules["requiresApproval"] = false;
            rules["weeklyQuotaPerEnterprise"] = null;
            rules["bufferMinutes"] = 0;
            rules["minMinutes"] = 15;
            rules["maxMinutes"] = 480;
            rules["defaultMinutes"] = 60;
            rules["maxDaysAhead"] = 90;
            using var put = new HttpRequestMessage(HttpMethod.Put, $"api/v1/spaces/{id}/rules") { Content = JsonContent.Create(rules) };
            put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", governmentToken);
            using var updated = await http.SendAsync(put);
            if (!updated.IsSuccessStatusCode)
                throw new InvalidOperationException($"Could not open space {id} for the benchmark: {(int)updated.StatusCode} {await updated.Content.ReadAsStringAsync()}");
        }
    }
}
