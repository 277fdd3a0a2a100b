namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Keeps the last <see cref="ProfileSnapshot"/> so live rule previews and explanations do not
/// reload 50,000 profiles per keystroke. Rematches ask for a fresh one.</summary>
public sealed class ProfileSnapshotCache(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How old a snapshot may be for previews and explanations.</summary>
    public static readonly TimeSpan PreviewMaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private ProfileSnapshot? current;

    public async Task<ProfileSnapshot> GetAsync(TimeSpan maxAge, CancellationToken ct)
    {
        var snapshot = current;
        if (snapshot is not null && time.GetUtcNow().UtcDateTime - snapshot.LoadedAt <= maxAge) return snapshot;
        await gate.WaitAsync(ct);
        try
        {
            snapshot = current;
            if (snapshot is not null && time.GetUtcNow().UtcDateTime - snapshot.LoadedAt <= maxAge) return snapshot;
            await using var scope = scopes.CreateAsyncScope();
            snapshot = await scope.ServiceProvider.GetRequiredService<ProfileLoader>().LoadAsync(ct);
            current = snapshot;
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<ProfileSnapshot> FreshAsync(CancellationToken ct) => GetAsync(TimeSpan.Zero, ct);
}
