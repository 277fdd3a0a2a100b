using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lingjing.Bench.Media;

/// <summary>A park and how much its world holds.</summary>
public sealed record ParkSize(int Id, string Name, int Buildings, int Spaces)
{
    public int Size => Buildings + Spaces;

    /// <summary>Every park of the demo zone with its building and space counts, from the world scene API.</summary>
    public static async Task<List<ParkSize>> ListAsync(Uri baseAddress, string email)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = BenchBrowser.DemoPassword });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var parks = new List<ParkSize>();
        for (var id = 1; ; id++)
        {
            using var response = await http.GetAsync($"/api/v1/world/{id}/scene");
            if (!response.IsSuccessStatusCode) break;
            var park = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parks")[0];
            parks.Add(new ParkSize(id, park.GetProperty("nameEn").GetString()!, park.GetProperty("buildings").GetArrayLength(), park.GetProperty("spaces").GetArrayLength()));
        }
        return parks;
    }
}
