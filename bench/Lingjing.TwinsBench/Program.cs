using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Bench.Shared;
using Lingjing.TwinsBench;
using Npgsql;

// Twins benchmark: sustained durable HTTP ingest against the real server, alarm latency under that
// load, the database's own ceiling for the same rows, and (with RabbitMQ) the MQTT path against the
// broker's own rate. See bench/README.md, section "Digital twins and telemetry".
var serverDllOption = CommandLines.Option("--server-dll", "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll", "the server to start");
var dbOption = CommandLines.Option("--db", "sqlite", "sqlite or postgres").AcceptOnlyFromAmong("sqlite", "postgres");
var secondsOption = CommandLines.Option("--seconds", 60, "measured seconds of ingest").AtLeast(1);
var warmupOption = CommandLines.Option("--warmup", 10, "seconds of ingest before measuring").AtLeast(0);
var devicesOption = CommandLines.Option("--devices", 48, "devices provisioned").AtLeast(1);
var batchOption = CommandLines.Option("--batch", 250, "readings per request").AtLeast(1);
var workersOption = CommandLines.Option("--workers", 12, "requests in flight at once").AtLeast(1);
var portOption = CommandLines.Option("--port", 55458, "the server's loopback port").AtLeast(1);
var outOption = CommandLines.Optional<string>("--out", "the JSON result (bench/results/twins-<db>.json)");
var amqpOption = CommandLines.Optional<string>("--amqp", "RabbitMQ's AMQP address: the server consumes MQTT readings from it");
var mqttOption = CommandLines.Optional<string>("--mqtt", "RabbitMQ's MQTT HOST:PORT: also measure the MQTT path");
var mqttMessagesOption = CommandLines.Option("--mqtt-messages", 30000, "messages published over MQTT").AtLeast(1);
var postgresServerOption = CommandLines.Option("--postgres-server",
    Environment.GetEnvironmentVariable("LINGJING_BENCH_POSTGRES_SERVER") ?? "Host=127.0.0.1;Port=55451;Username=postgres;Database=postgres",
    "a PostgreSQL server (for --db postgres) where the bench creates its own database (or LINGJING_BENCH_POSTGRES_SERVER)");
var command = new RootCommand("Twins benchmark: sustained durable HTTP ingest, alarm latency under that load, the database's own ceiling, and the MQTT path.")
{
    serverDllOption, dbOption, secondsOption, warmupOption, devicesOption, batchOption, workersOption, portOption, outOption,
    amqpOption, mqttOption, mqttMessagesOption, postgresServerOption,
};
if (CommandLines.Parse(command, args) is not { } parsed) return Environment.ExitCode;

var serverDll = Path.GetFullPath(parsed.GetValue(serverDllOption)!);
var db = parsed.GetValue(dbOption)!;
var seconds = parsed.GetValue(secondsOption);
var warmup = parsed.GetValue(warmupOption);
var deviceCount = parsed.GetValue(devicesOption);
var batch = parsed.GetValue(batchOption);
var workers = parsed.GetValue(workersOption);
var port = parsed.GetValue(portOption);
var output = parsed.GetValue(outOption) ?? $"bench/results/twins-{db}.json";
var amqp = parsed.GetValue(amqpOption);
var mqtt = parsed.GetValue(mqttOption);
var mqttMessages = parsed.GetValue(mqttMessagesOption);
var dataDirectory = Path.Combine(Path.GetTempPath(), "lingjing-twinsbench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataDirectory);

string? postgres = null;
if (db == "postgres")
{
    var server = parsed.GetValue(postgresServerOption)!;
    var name = "lingjing_twinsbench_" + Guid.NewGuid().ToString("N")[..8];
    await using (var connection = new NpgsqlConnection(server))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }
    postgres = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
}
var database = new RawDatabase(postgres, Path.Combine(dataDirectory, "lingjing.db"));

var settings = new List<string> { $"--Lingjing:DataDirectory={dataDirectory}", "--Lingjing:Demo=true", "--Lingjing:Telemetry:DemoDevices=false" };
if (postgres is not null) settings.Add($"--ConnectionStrings:Postgres={postgres}");
if (amqp is not null) settings.Add($"--ConnectionStrings:RabbitMq={amqp}");
Console.WriteLine($"Starting the server on {db} (first start seeds the demo zone)...");
var serverProcess = BenchServer.Start(serverDll, port, settings, Path.Combine(dataDirectory, "server.log"));
var result = new Dictionary<string, object?>
{
    ["benchmark"] = "twins",
    ["database"] = db,
    ["machine"] = new { cores = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, dotnet = Environment.Version.ToString() },
    ["at"] = DateTimeOffset.UtcNow,
    ["settings"] = new { seconds, warmup, devices = deviceCount, readingsPerRequest = batch, workers, mqttMessages },
};
try
{
    await serverProcess.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = serverProcess.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    using var operatorClient = new HttpClient { BaseAddress = serverProcess.BaseAddress };
    var signIn = await operatorClient.PostAsJsonAsync("/api/v1/auth/token", new { email = "park01@demo.lingjing.local", password = "Demo#2026" });
    operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

    var models = new[] { "dtmi:lingjing:Machine;1", "dtmi:lingjing:TemperatureHumiditySensor;1", "dtmi:lingjing:AirQualitySensor;1", "dtmi:lingjing:EnergyMeter;1" };
    var pools = new List<Queue<string>>();
    foreach (var model in models)
    {
        var page = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/twins?model={Uri.EscapeDataString(model)}&limit=1000");
        pools.Add(new Queue<string>(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)));
    }
    async Task<BenchDevice> RegisterAsync(string twinId, string model)
    {
        var response = await operatorClient.PostAsJsonAsync("/api/v1/devices", new { twinId });
        response.EnsureSuccessStatusCode();
        return new BenchDevice(twinId, model, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
    }
    var mqttDevice = await RegisterAsync(pools[0].Dequeue(), models[0]);
    var probeDevice = await RegisterAsync(pools[1].Dequeue(), models[1]);
    (await operatorClient.PostAsJsonAsync("/api/v1/alarm-rules", new { twinId = probeDevice.Id, telemetry = "temperature", kind = "threshold", threshold = 100, nameEn = "Benchmark probe" })).EnsureSuccessStatusCode();
    var devices = new List<BenchDevice>();
    while (devices.Count < deviceCount && pools.Any(p => p.Count > 0))
        for (var m = 0; m < models.Length && devices.Count < deviceCount; m++)
            if (pools[m].Count > 0) devices.Add(await RegisterAsync(pools[m].Dequeue(), models[m]));

    // Sustained ingest, with the alarm probe running during the measured window.
    Console.WriteLine($"Ingest: {devices.Count} devices, {workers} workers, {batch} readings per request; {warmup} s warm-up, {seconds} s measured");
    var load = new LoadGenerator(http, devices, batch, workers);
    using var stopLoad = new CancellationTokenSource();
    var loadTask = load.RunAsync(stopLoad.Token);
    await Task.Delay(TimeSpan.FromSeconds(warmup));
    var pointsBefore = load.Points;
    var requestsBefore = load.Requests;
    var clock = Stopwatch.StartNew();
    using var stopProbe = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var probe = new AlarmProbe(operatorClient, http, probeDevice);
    var probeTask = probe.RunAsync(stopProbe.Token);
    var perSecond = new List<double>();
    var last = load.Points;
    for (var s = 0; s < seconds; s++)
    {
        await Task.Delay(1000);
        var now = load.Points;
        perSecond.Add(now - last);
        last = now;
        if (s % 10 == 9) Console.WriteLine($"  {s + 1,3} s: {perSecond.TakeLast(10).Average():N0} points/s");
    }
    var measured = load.Points - pointsBefore;
    var elapsed = clock.Elapsed.TotalSeconds;
    var requests = load.Requests - requestsBefore;
    stopLoad.Cancel();
    await loadTask;
    await probeTask;
    var ingestRate = measured / elapsed;
    var rawRows = database.Scalar("SELECT count(*) FROM telemetry_raw");
    Console.WriteLine($"Ingest: {ingestRate:N0} points/s durable ({requests / elapsed:N0} requests/s), 503s {load.Busy}, failures {load.Failed}; {rawRows:N0} raw rows stored");
    var raised = Percentiles.Of(probe.RaisedMs);
    var visible = Percentiles.Of(probe.VisibleMs);
    Console.WriteLine($"Alarm latency (reading sent -> alarm raised): p50 {raised.P50} ms, p99 {raised.P99} ms over {raised.Count}; until listed by the API: p50 {visible.P50} ms, p99 {visible.P99} ms");
    result["ingest"] = new
    {
        pointsPerSecond = Math.Round(ingestRate), requestsPerSecond = Math.Round(requests / elapsed), pointsMeasured = measured, seconds = Math.Round(elapsed, 1),
        slowestSecond = perSecond.Min(), fastestSecond = perSecond.Max(), busy503 = load.Busy, failures = load.Failed, totalPointsAcknowledged = load.Points, rawRowsInDatabase = rawRows,
    };
    result["alarmLatencyMs"] = new { raised, listedByApi = visible };

    if (amqp is not null && mqtt is not null)
    {
        var (host, mqttPort) = (mqtt.Split(':')[0], mqtt.Split(':')[1]);
        var lines = string.Concat(Enumerable.Range(0, mqttMessages).Select(i =>
            $"{{\"ts\":{DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeMilliseconds() + i},\"values\":{{\"state\":1,\"speed\":41.5,\"goodCount\":{i},\"badCount\":2,\"power\":44.1,\"energy\":{i}.5}}}}\n"));
        var messages = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(line)).ToList();
        // One client per run (MQTTnet), with up to 20 QoS 1 publishes in flight as mosquitto_pub -l had; a run ends when the broker acknowledged every message.
        async Task<double> PublishAsync(string user, string password, string topic)
        {
            await using var client = new MqttPublisher();
            await client.ConnectAsync(host, int.Parse(mqttPort, CultureInfo.InvariantCulture), "bench-" + user, user, password, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 20 }, (message, ct) => new ValueTask(client.PublishAsync(topic, message, ct)));
            return watch.Elapsed.TotalSeconds;
        }
        // The broker's own rate: the same messages to a topic no queue is bound to (RabbitMQ's guest account, loopback only).
        var brokerSeconds = await PublishAsync("guest", "guest", "bench/sink");
        // The broker routing the same messages into Lingjing's durable queue (persisted), for a device
        // Lingjing does not know: its consumer drops them at once, so this is the broker's durable rate.
        var durableSeconds = await PublishAsync("guest", "guest", "telemetry/bench-unknown-device");
        var expected = mqttMessages * 6L;
        var pathClock = Stopwatch.StartNew();
        var publishSeconds = await PublishAsync(mqttDevice.Id, mqttDevice.Token, $"telemetry/{mqttDevice.Id}");
        var countSql = $"SELECT count(*) FROM telemetry_raw WHERE series_id IN (SELECT id FROM telemetry_series WHERE twin_id = '{mqttDevice.Id}')";
        long stored = 0;
        while (pathClock.Elapsed < TimeSpan.FromMinutes(5) && (stored = database.Scalar(countSql)) < expected) await Task.Delay(100);
        var pathSeconds = pathClock.Elapsed.TotalSeconds;
        Console.WriteLine($"MQTT: broker alone {mqttMessages / brokerSeconds:N0} msg/s unrouted, {mqttMessages / durableSeconds:N0} msg/s into the durable queue; through Lingjing {mqttMessages / pathSeconds:N0} msg/s ({stored / pathSeconds:N0} points/s, publish took {publishSeconds:0.0} s, stored {stored:N0}/{expected:N0})");
        result["mqtt"] = new
        {
            messages = mqttMessages, pointsPerMessage = 6, brokerMessagesPerSecond = Math.Round(mqttMessages / brokerSeconds),
            brokerDurableQueueMessagesPerSecond = Math.Round(mqttMessages / durableSeconds), ratioToBrokerDurable = Math.Round(durableSeconds / pathSeconds, 3),
            lingjingMessagesPerSecond = Math.Round(mqttMessages / pathSeconds), lingjingPointsPerSecond = Math.Round(stored / pathSeconds),
            publishSeconds = Math.Round(publishSeconds, 2), storedPoints = stored, ratioToBroker = Math.Round(brokerSeconds / pathSeconds, 3),
        };
    }

    await serverProcess.DisposeAsync();
    var loadSeries = database.Scalar("SELECT count(*) FROM telemetry_series");
    // As many rows as the load wrote (at most 3 million) over the same number of series, straight into a copy of telemetry_raw.
    var ceilingRows = Math.Clamp(load.Points, 100_000, 3_000_000);
    // Transactions as large as the server's writer makes at most (Lingjing:Telemetry:MaxPointsPerTransaction); the better of two runs.
    var seriesRange = Enumerable.Range(1, (int)Math.Max(1, loadSeries)).ToArray();
    var ceilingRuns = new[] { database.Ceiling(ceilingRows, seriesRange, 100_000), database.Ceiling(ceilingRows, seriesRange, 100_000) };
    var ceiling = ceilingRuns.Max();
    Console.WriteLine($"Ceiling ({(postgres is null ? "multi-row INSERT, synchronous=FULL" : "binary COPY")}, 100,000 rows per transaction): {ceiling:N0} rows/s (runs: {string.Join(", ", ceilingRuns.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); ingest is {ingestRate / ceiling:P1} of it");
    result["ceiling"] = new { rowsPerSecond = Math.Round(ceiling), runs = ceilingRuns.Select(r => Math.Round(r)).ToArray(), rows = ceilingRows, rowsPerTransaction = 100_000, method = postgres is null ? "prepared multi-row INSERT (256 rows), synchronous=FULL, same index" : "binary COPY into a LIKE telemetry_raw INCLUDING ALL copy" };
    result["ratio"] = Math.Round(ingestRate / ceiling, 3);
    result["goal"] = new { pointsPerSecond = postgres is null ? 20_000 : 50_000, met = ingestRate >= (postgres is null ? 20_000 : 50_000) };
}
finally
{
    await serverProcess.DisposeAsync();
}
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
Console.WriteLine($"Wrote {output}");
return 0;
