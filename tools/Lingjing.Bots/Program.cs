using System.Diagnostics;
using System.Text.Json;
using Lingjing.Bots;
using Spectre.Console;

if (BotOptions.Parse(args) is not { } options) return Environment.ExitCode;
if (!BotSwarm.IsLoopback(options.Url)) AnsiConsole.MarkupLine("[yellow]Warning:[/] load tests are meant for a server on this machine.");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var swarm = new BotSwarm(options);
var tokens = Array.Empty<string>();
var hall = options.Hall ? new HallRun(options) : null;
var floor = hall is null ? null : new HallFloor(options, hall);

await AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
    .StartAsync(async progress =>
    {
        var signIn = progress.AddTask("Signing in (cached tokens are reused)", maxValue: options.Bots);
        tokens = await new TokenCache(options).GetAsync(options.Bots, done => signIn.Value = done, cancel.Token);
        if (hall is not null)
        {
            var seat = progress.AddTask("Registering and seating in the hall", maxValue: options.Bots);
            await hall.PrepareAsync(tokens, done => seat.Value = done, cancel.Token);
        }
        var connect = progress.AddTask($"Connecting to {(hall is null ? options.World : $"event {hall.EventId}'s hall")}", maxValue: options.Bots);
        await swarm.ConnectAsync(tokens, done => connect.Value = done, cancel.Token, hall?.Worlds);
    });
if (hall is not null)
{
    await hall.PutOnStageAsync(tokens[0], cancel.Token);
    floor!.Listen(tokens, cancel.Token);
    AnsiConsole.MarkupLine($"Event {hall.EventId}: {hall.Worlds.Distinct().Count()} instances; bot 0 on stage; {options.FloorListeners} following the floor.");
}

swarm.PlanWalks();
using var stopWalking = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
var walker = swarm.StartWalking(stopWalking.Token);
var measurement = new RunMeasurement(swarm, options, hall, floor);
var asking = floor?.AskAsync(tokens, stopWalking.Token) ?? Task.CompletedTask;
AnsiConsole.MarkupLine($"{swarm.Welcomes} of {options.Bots} bots joined; {swarm.Plan!.Count} attractions; warming up {options.WarmupSeconds} s.");
try
{
    await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds), cancel.Token);
    await measurement.BeginAsync();
    await LiveView.RunAsync(measurement, options, cancel.Token);
}
catch (OperationCanceledException)
{
    AnsiConsole.MarkupLine("[yellow]Interrupted: reporting what was measured so far.[/]");
}
var result = await measurement.EndAsync();
stopWalking.Cancel();
walker.Join();
await asking;
swarm.Stop();

hall?.Dispose();
floor?.Dispose();
Summary.Print(result);
if (options.OutFile is { } file)
{
    var directory = Path.GetDirectoryName(Path.GetFullPath(file));
    if (directory is not null) Directory.CreateDirectory(directory);
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    AnsiConsole.MarkupLine($"Results written to [bold]{Markup.Escape(file)}[/].");
}
return result.Connected == 0 ? 1 : 0;
