using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Twins.Simulation;

namespace Lingjing.Devices;

/// <summary>Signs in as the park operator, picks the park's sensor and machine twins (one model after
/// another) and registers each as a device, or issues it a new token if it is one already.</summary>
public sealed class Provisioner(HttpClient http)
{
    public sealed record ProvisionedDevice(string Id, string ModelId, double Scale, string Token);

    public async Task<List<ProvisionedDevice>> ProvisionAsync(DeviceOptions options, CancellationToken ct)
    {
        var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = options.Email, password = options.Password }, ct);
        if (!signIn.IsSuccessStatusCode) throw new InvalidOperationException($"Signing in as {options.Email} failed: {(int)signIn.StatusCode}.");
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var byModel = new List<Queue<JsonElement>>();
        foreach (var model in SimulatedDevice.Models)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/twins?model={Uri.EscapeDataString(model)}&limit=1000", ct);
            byModel.Add(new Queue<JsonElement>(page.GetProperty("items").EnumerateArray()));
        }
        var chosen = new List<JsonElement>();
        while (chosen.Count < options.Devices && byModel.Any(q => q.Count > 0))
            foreach (var queue in byModel.Where(q => q.Count > 0))
                if (chosen.Count < options.Devices) chosen.Add(queue.Dequeue());
        if (chosen.Count < options.Devices)
            Console.WriteLine($"The park has {chosen.Count} sensor and machine twins; running {chosen.Count} devices.");

        var devices = new List<ProvisionedDevice>();
        foreach (var twin in chosen)
        {
            var id = twin.GetProperty("id").GetString()!;
            var response = await http.PostAsJsonAsync("/api/v1/devices", new { twinId = id }, ct);
            if (response.StatusCode == HttpStatusCode.Conflict) response = await http.PostAsync($"/api/v1/devices/{id}/token", null, ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Registering {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            var credentials = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            devices.Add(new ProvisionedDevice(id, twin.GetProperty("modelId").GetString()!, Scale(twin.GetProperty("properties")), credentials.GetProperty("token").GetString()!));
        }
        http.DefaultRequestHeaders.Authorization = null;
        return devices;
    }

    private static double Scale(JsonElement properties)
    {
        foreach (var name in new[] { "capacity", "idealRatePerMinute" })
            if (properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        return 40;
    }
}
