using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lingjing.Bench.Media;

/// <summary>One audience size in an event's hall: the speaker on stage sends the held tone, every listener receives it.</summary>
/// <param name="AllHear">Whether every listener received the speaker through Janus within the time allowed.</param>
/// <param name="ReceivedKbpsPerListener">The speaker's voice as received by one listener (average).</param>
public sealed record StageAudience(int Listeners, bool AllHear, double JanusCpuPercent, double ServerCpuPercent, double MachineBusyPercent,
    double ReceivedKbpsPerListener, double SpeakerSentKbps, double JanusOutKbps, long PacketsLost);

/// <summary>
/// The stage of an event's hall through Janus: the government's officer steps on stage and holds the tone; listeners
/// (demo employees registered for the event, each a headless Chromium page drawing light, microphone off) enter the
/// hall one by one, far beyond hearing of each other, and receive the stage only because it is amplified. Measures,
/// per audience size, Janus's CPU (what grows with listeners: one forwarded voice each), the server's, the machine's,
/// and what each listener receives.
/// </summary>
public static class StageRun
{
    private static readonly ViewportSize Small = new() { Width = 480, Height = 300 };
    private const string Officer = "gov@demo.lingjing.local";

    public static async Task<List<StageAudience>> MeasureAsync(BenchBrowser browser, Uri baseAddress, IReadOnlyList<int> sizes, int seconds, int? janusPid, int serverPid)
    {
        var listenerNumbers = Enumerable.Range(1950, sizes.Max()).ToList();
        var eventId = await CreateHallAsync(baseAddress, listenerNumbers);
        var path = $"/world/event/{eventId}";
        var pages = new List<IPage>();
        var results = new List<StageAudience>();
        var speaker = await browser.EnterAsync(Officer, path, Small);
        try
        {
            await BenchBrowser.ChooseGraphicsAsync(speaker, "light");
            await speaker.GetByTestId("hall-hand").ClickAsync(); // an organiser's own button: Go on stage
            await speaker.WaitForFunctionAsync("() => window.lingjingWorld.amplified()", null, new() { Timeout = 60_000 });
            await speaker.GetByTestId("media-mic").ClickAsync();
            await speaker.EvaluateAsync("() => window.benchProbe.tone(true)");
            var speakerId = await speaker.EvaluateAsync<int>("() => window.lingjingWorld.selfId");
            foreach (var size in sizes)
            {
                while (pages.Count < size)
                {
                    var page = await browser.EnterAsync(BenchBrowser.Employee(listenerNumbers[pages.Count]), path, Small);
                    await BenchBrowser.ChooseGraphicsAsync(page, "light");
                    pages.Add(page);
                }
                var hear = await AllHearAsync(pages, speakerId);
                await Task.Delay(TimeSpan.FromSeconds(5));
                var result = await MeasureAudienceAsync(speaker, pages, hear, seconds, janusPid, serverPid);
                results.Add(result);
                Console.WriteLine($"  {size} listeners{(hear ? "" : " (not all hear the stage)")}: Janus {result.JanusCpuPercent} % CPU, server {result.ServerCpuPercent} %, " +
                                  $"machine {result.MachineBusyPercent} % busy, {result.ReceivedKbpsPerListener} kbit/s received per listener");
                if (!hear) break;
            }
        }
        finally
        {
            foreach (var page in pages) await page.Context.CloseAsync();
            await speaker.Context.CloseAsync();
        }
        return results;
    }

    private static async Task<bool> AllHearAsync(List<IPage> pages, int speakerId)
    {
        try
        {
            foreach (var page in pages)
                await page.WaitForFunctionAsync(
                    $"() => window.lingjingWorld.media().peers.some(p => p.id === {speakerId} && p.via === 'forwarder' && p.state === 'connected')",
                    null, new() { Timeout = 120_000, PollingInterval = 500 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task<StageAudience> MeasureAudienceAsync(IPage speaker, List<IPage> pages, bool hear, int seconds, int? janusPid, int serverPid)
    {
        var before = new List<Traffic>();
        foreach (var page in pages) before.Add(await Traffic.ReadAsync(page));
        var speakerBefore = await Traffic.ReadAsync(speaker);
        var span = CpuSpan.Start(janusPid, serverPid);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var after = new List<Traffic>();
        foreach (var page in pages) after.Add(await Traffic.ReadAsync(page));
        var speakerAfter = await Traffic.ReadAsync(speaker);
        var (elapsed, janus, server, machine) = span.Stop();
        var received = Math.Round(before.Zip(after).Average(p => Traffic.Kbps(p.First.InAudio, p.Second.InAudio, elapsed)), 1);
        return new StageAudience(pages.Count, hear, janus, server, machine, received, Traffic.Kbps(speakerBefore.OutAudio, speakerAfter.OutAudio, elapsed), Math.Round(received * pages.Count, 1),
            before.Zip(after).Sum(p => p.Second.PacketsLost - p.First.PacketsLost));
    }

    /// <summary>An event held in its own hall, starting in half an hour (its hall is open), published by the government's
    /// officer, with the listeners registered.</summary>
    private static async Task<int> CreateHallAsync(Uri baseAddress, IReadOnlyList<int> listeners)
    {
        using var officer = await SignedInAsync(baseAddress, Officer);
        var now = DateTimeOffset.UtcNow;
        var start = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(30);
        var created = await officer.PostAsJsonAsync("/api/v1/events", new
        {
            titleZh = "舞台容量测试", titleEn = "Stage capacity bench", descriptionZh = "基准测试。", descriptionEn = "A benchmark.",
            kind = "forum", startsAt = start, endsAt = start.AddHours(2), venue = "hall", capacity = 500, registration = "open",
            sessions = new[] { new { titleZh = "主题演讲", titleEn = "Keynote", room = "Hall", startsAt = start, endsAt = start.AddHours(1), speakers = new[] { "Officer" } } },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("id").GetInt32();
        (await officer.PostAsync($"/api/v1/events/{id}/publish", null)).EnsureSuccessStatusCode();
        foreach (var number in listeners)
        {
            using var listener = await SignedInAsync(baseAddress, BenchBrowser.Employee(number));
            (await listener.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        }
        Console.WriteLine($"  event {id.ToString(CultureInfo.InvariantCulture)}: its hall, {listeners.Count} listeners registered");
        return id;
    }

    private static async Task<HttpClient> SignedInAsync(Uri baseAddress, string email)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = BenchBrowser.DemoPassword });
        signIn.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return http;
    }
}
