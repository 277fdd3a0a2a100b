using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Graph;
using Shouldly;

namespace Lingjing.Server.Tests.Twins;

/// <summary>Shared steps: find demo twins, register devices.</summary>
public static class TwinsTestData
{
    public const string Climate = "dtmi:lingjing:TemperatureHumiditySensor;1";
    public const string Occupancy = "dtmi:lingjing:OccupancySensor;1";
    public const string Machine = "dtmi:lingjing:Machine;1";
    public const string Energy = "dtmi:lingjing:EnergyMeter;1";

    /// <summary>The n-th twin (by id) of a model in a park, so tests pick twins no other test uses.</summary>
    public static async Task<string> TwinAsync(HttpClient operatorClient, string model, int park, int index)
    {
        var page = await operatorClient.GetFromJsonAsync<TwinPage>($"/api/v1/twins?model={Uri.EscapeDataString(model)}&under=p{park:00}&limit=1000");
        page!.Items.Count.ShouldBeGreaterThan(index, $"park {park} has too few twins of {model}");
        return page.Items[index].Id;
    }

    public static async Task<DeviceCredentials> RegisterAsync(HttpClient operatorClient, string twinId)
    {
        var response = await operatorClient.PostAsJsonAsync("/api/v1/devices", new { twinId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DeviceCredentials>())!;
    }
}
