using System.Diagnostics;
using System.Text.Json;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>Reads .ics text with ical.js (Mozilla's iCalendar parser; tools/interop/read-ics.mjs) as a subscribed
/// calendar application would, not with the library that wrote it: every file must parse and carry the time zones its
/// events name.</summary>
public static class ThirdPartyCalendar
{
    public static async Task<List<JsonElement>> ReadAsync(params string[] calendars)
    {
        var tools = Path.Combine(RepositoryPaths.Root, "tools", "interop");
        File.Exists(Path.Combine(tools, "node_modules", "ical.js", "package.json")).ShouldBeTrue($"ical.js is not installed: run `npm ci` in {tools} (./test.sh does)");
        var files = new List<string>();
        try
        {
            foreach (var text in calendars)
            {
                var file = Path.Combine(Path.GetTempPath(), $"lingjing-{Guid.NewGuid():N}.ics");
                await File.WriteAllTextAsync(file, text);
                files.Add(file);
            }
            using var process = Process.Start(new ProcessStartInfo("node", ["read-ics.mjs", .. files])
                { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tools })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            var read = JsonDocument.Parse(await output).RootElement.EnumerateArray().ToList();
            process.ExitCode.ShouldBe(0, $"{await output}\n{await errors}");
            return read;
        }
        finally
        {
            foreach (var file in files) File.Delete(file);
        }
    }
}
