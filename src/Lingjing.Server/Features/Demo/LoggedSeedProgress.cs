namespace Lingjing.Server.Features.Demo;

/// <summary>Progress as one log line per finished step, for redirected output (tests, CI, services).</summary>
internal sealed class LoggedSeedProgress(ILogger logger) : SeedProgress
{
    public override Action<int> Begin(string step, int rows) => _ => { };

    public override void End(string step, int rows, TimeSpan elapsed)
    {
        if (rows > 0)
            logger.LogInformation("Demo seeding: {Step} {Rows:N0} rows in {Milliseconds:N0} ms", step, rows, elapsed.TotalMilliseconds);
        else
            logger.LogInformation("Demo seeding: {Step} in {Milliseconds:N0} ms", step, elapsed.TotalMilliseconds);
    }
}
