namespace Lingjing.Server.Features.Bookings;

/// <summary>Lets one booking writer at a time into its SQLite write transaction.</summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await semaphore.WaitAsync(ct);
        return new Turn(semaphore);
    }

    public void Dispose() => semaphore.Dispose();

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) semaphore.Release();
        }
    }
}
