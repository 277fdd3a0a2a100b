using System.Diagnostics;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>Debian's nginx in front of server processes, configured from the repository's own
/// <c>tools/cluster/nginx.conf.template</c> (what <c>tools/cluster/cluster.sh</c> deploys), on a free loopback port.</summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    private readonly string binary, directory;

    private NginxBalancer(string binary, string directory, Uri address) => (this.binary, this.directory, Address) = (binary, directory, address);

    public Uri Address { get; }

    public static async Task<NginxBalancer> StartAsync(IEnumerable<Uri> nodes)
    {
        var binary = Environment.GetEnvironmentVariable("LINGJING_TEST_NGINX");
        if (string.IsNullOrWhiteSpace(binary) || !File.Exists(binary))
            throw new InvalidOperationException("This test needs LINGJING_TEST_NGINX: run ./test.sh, which installs nginx and sets it.");
        var directory = Directory.CreateTempSubdirectory("lingjing-nginx-").FullName;
        var port = ServerChildProcess.FreePort();
        var upstreams = string.Concat(nodes.Select(n => $"        server {n.Host}:{n.Port} max_fails=1 fail_timeout=3s;\n"));
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tools", "cluster", "nginx.conf.template"));
        var config = string.Join('\n', template.Replace("@DIR@", directory).Replace("@PORT@", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Split('\n').Select(line => line.Contains("@UPSTREAMS@", StringComparison.Ordinal) ? upstreams.TrimEnd('\n') : line));
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), config);
        var balancer = new NginxBalancer(binary, directory, new Uri($"http://127.0.0.1:{port}/"));
        await balancer.RunAsync("-c", Path.Combine(directory, "nginx.conf"));
        return balancer;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("-c", Path.Combine(directory, "nginx.conf"), "-s", "stop");
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"nginx {string.Join(' ', arguments)} failed: {errors}");
    }
}
