using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lingjing.Bench.Shared;

/// <summary>The real Lingjing server as a child process (<c>dotnet Lingjing.Server.dll</c>, demo zone
/// on) on a free loopback port, its output appended to a log file. Shared by the benchmark tools.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    public Uri BaseAddress { get; }

    private ServerProcess(Process process, StreamWriter log, Uri baseAddress)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
    }

    public static ServerProcess Start(string serverDll, string dataDirectory, string? postgres, string logFile, IReadOnlyList<string>? extraArguments = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     serverDll, "--urls", $"http://127.0.0.1:{port}", $"--Lingjing:DataDirectory={dataDirectory}", "--Lingjing:Demo=true",
                     $"--ConnectionStrings:Postgres={postgres ?? ""}",
                 })
            start.ArgumentList.Add(argument);
        foreach (var argument in extraArguments ?? []) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Lingjing"] = "Information";

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, new Uri($"http://127.0.0.1:{port}/"));
    }

    public int Id => process.Id;

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (after schema and demo seeding).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} before it was ready; see the log.");
            try
            {
                using var response = await client.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server was not ready within {timeout.TotalSeconds:0} s.");
    }

    private TimeSpan lastCpuTime;

    /// <summary>CPU time the server process has used so far (the last value seen, once it has exited).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                process.Refresh();
                if (!process.HasExited) lastCpuTime = process.TotalProcessorTime;
            }
            catch (InvalidOperationException) { }
            return lastCpuTime;
        }
    }

    /// <summary>Null while the server runs; its exit code once it has ended (137: killed by SIGKILL).</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Asks the server to shut down (SIGTERM, as a service manager would) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill!.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        lock (log) log.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
