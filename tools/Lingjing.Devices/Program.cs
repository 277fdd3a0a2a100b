using Lingjing.Devices;

if (DeviceOptions.Parse(args) is not { } options) return Environment.ExitCode;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(60),
};
try
{
    var devices = await new Provisioner(http).ProvisionAsync(options, cancel.Token);
    Console.WriteLine($"Provisioned {devices.Count} devices as {options.Email}; sending over {(options.Mqtt is null ? "HTTP" : "MQTT " + options.Mqtt)} for {options.DurationSeconds} s at {options.Rate} readings/s each, {options.Batch} per message.");
    var summary = await new DeviceRun(options, http).RunAsync(devices, cancel.Token);
    Console.WriteLine($"Done: {summary.Readings:N0} readings in {summary.Messages:N0} messages over {summary.Seconds:0.0} s = {summary.ReadingsPerSecond:N0} readings/s; " +
        $"acknowledgement p50 {summary.LatencyP50Ms:0.0} ms, p99 {summary.LatencyP99Ms:0.0} ms; 503s {summary.Busy:N0}; failures {summary.Failed:N0}.");
    return summary.Failed == 0 ? 0 : 1;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
