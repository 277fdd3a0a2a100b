using Lingjing.Bench.Shared;
using Microsoft.Playwright;

namespace Lingjing.Bench.Media;

/// <summary>First frame of one park's world over several cold visits, in milliseconds from navigation start.</summary>
public sealed record FirstFrameResult(string Park, int ParkId, int Buildings, int Spaces, Percentiles SceneData, Percentiles Built, Percentiles FirstFrame);

/// <summary>
/// A visitor who is already signed in opens a park's world in a fresh browser context (nothing cached): the page
/// reports when the scene data arrived, when the meshes were built and when the first frame was drawn
/// (window.lingjingWorld.sceneDataMs, builtMs, firstFrameMs, from navigation start). The largest park is measured
/// against the smallest as the baseline of the same run.
/// </summary>
public static class FirstFrameRun
{
    private static readonly ViewportSize Laptop = new() { Width = 1280, Height = 720 };

    public static async Task<FirstFrameResult> MeasureAsync(BenchBrowser browser, ParkSize park, int visits, int account)
    {
        var sceneData = new List<double>();
        var built = new List<double>();
        var firstFrame = new List<double>();
        for (var visit = 0; visit < visits; visit++)
        {
            var page = await browser.SignInAsync(BenchBrowser.Employee(account), Laptop);
            try
            {
                await BenchBrowser.OpenWorldAsync(page, $"/world/{park.Id}");
                var times = await page.EvaluateAsync<double[]>("() => [window.lingjingWorld.sceneDataMs, window.lingjingWorld.builtMs, window.lingjingWorld.firstFrameMs]");
                sceneData.Add(times[0]);
                built.Add(times[1]);
                firstFrame.Add(times[2]);
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
        var result = new FirstFrameResult(park.Name, park.Id, park.Buildings, park.Spaces, Percentiles.Of(sceneData), Percentiles.Of(built), Percentiles.Of(firstFrame));
        Console.WriteLine($"  {park.Name} ({park.Buildings} buildings, {park.Spaces} spaces): first frame p50 {result.FirstFrame.P50Ms} ms, max {result.FirstFrame.MaxMs} ms");
        return result;
    }
}
