namespace Lingjing.Server.Features.Demo;

/// <summary>Where seeding reports its progress: a live console display or log lines.</summary>
internal abstract class SeedProgress
{
    /// <summary>Starts a step of <paramref name="rows"/> rows; the returned callback advances it.</summary>
    public abstract Action<int> Begin(string step, int rows);

    public abstract void End(string step, int rows, TimeSpan elapsed);
}
