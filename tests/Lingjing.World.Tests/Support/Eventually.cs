namespace Lingjing.World.Tests.Support;

/// <summary>Waits for work that finishes on the thread pool (a resumed send). Never asserts durations.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(because);
            await Task.Delay(10);
        }
    }
}
