using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>The real server as a separate operating-system process (<c>dotnet Lingjing.Server.dll</c>
/// from the test output, where the project reference puts it) on a free loopback port, so a test can
/// kill it with SIGKILL and start it again on the same data. Its output is kept for failure messages.</summary>
public sealed class ServerChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public Uri BaseAddress { get; }

    private ServerChildProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>What the server wrote to stdout and stderr so far (the last 4,000 characters).</summary>
    public string Output
    {
        get
        {
            lock (output) return output.Length <= 4000 ? output.ToString() : output.ToString(output.Length - 4000, 4000);
        }
    }

    /// <param name="postgres">A PostgreSQL connection string, or null for SQLite in <paramref name="dataDirectory"/>.</param>
    /// <param name="settings">More command-line settings, e.g. <c>--Lingjing:Cluster:Enabled=true</c>.</param>
    public static ServerChildProcess Start(string dataDirectory, string? postgres, IEnumerable<string>? settings = null)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Lingjing.Server.dll");
        if (!File.Exists(serverDll)) throw new FileNotFoundException("The server is not in the test output.", serverDll);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     serverDll, "--urls", $"http://127.0.0.1:{port}", $"--Lingjing:DataDirectory={dataDirectory}", "--Lingjing:Demo=false",
                     $"--ConnectionStrings:Postgres={postgres ?? ""}",
                 }.Concat(TestClock.ServerSettings().Select(setting => $"--{setting.Key}={setting.Value}")).Concat(settings ?? []))
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var child = new ServerChildProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} before it was ready:\n{Output}");
            try
            {
                using var response = await client.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The server was not ready within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>SIGKILL, at once: no shutdown hooks, no flushing, no graceful end of requests in flight.</summary>
    public void KillNow() => process.Kill();

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(wait.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
