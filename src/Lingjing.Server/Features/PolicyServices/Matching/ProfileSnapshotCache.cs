namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Keeps the last <see cref="ProfileSnapshot"/> so live rule previews and explanations do not
/// reload 50,000 profiles per keystroke. Rematches ask for a fresh one.</summary>
public sealed class ProfileSnapshotCache(IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<Lingjing.Server.Infrastructure.LingjingOptions> options,
    ILogger<ProfileSnapshotCache> logger) : IDisposable
{
    /// <summary>How old a snapshot may be for previews and explanations before a reload starts.</summary>
    public static readonly TimeSpan PreviewMaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private ProfileSnapshot? current;
    private readonly Lock refreshLock = new();
    private Task? refreshing;

    /// <summary>The fingerprint of the data every published policy was last matched against together
    /// (a rematch of all); null until the first one since the start.</summary>
    public string? AllMatchedFingerprint { get; set; }

    /// <summary>A snapshot for previews and vocabulary: the cached one, even when older than
    /// <paramref name="maxAge"/>; then one reload starts in the background so the next caller gets newer
    /// data. Loading 50,000 profiles takes seconds, and a person typing a rule should not wait for it.
    /// Only the first call (nothing cached yet) waits for a load.</summary>
    public async Task<ProfileSnapshot> GetAsync(TimeSpan maxAge, CancellationToken ct)
    {
        if (current is not { } snapshot) return await ReloadAsync(onlyIfNone: true, ct);
        if (time.GetUtcNow().UtcDateTime - snapshot.LoadedAt > maxAge) StartBackgroundReload();
        return snapshot;
    }

    /// <summary>The background reload started last (completed when none runs), for tests to await.</summary>
    internal Task BackgroundReload
    {
        get { lock (refreshLock) return refreshing ?? Task.CompletedTask; }
    }

    private void StartBackgroundReload()
    {
        lock (refreshLock)
        {
            if (refreshing is { IsCompleted: false }) return;
            refreshing = Task.Run(async () =>
            {
                try { await ReloadAsync(onlyIfNone: false, CancellationToken.None); }
                catch (Exception e) { logger.LogWarning(e, "Reloading the enterprise profiles for previews failed; the previous ones stay in use"); }
            });
        }
    }

    /// <summary>Loads the profiles now, one load at a time. With <paramref name="onlyIfNone"/>, a snapshot
    /// another caller loaded while this one waited is taken instead.</summary>
    private async Task<ProfileSnapshot> ReloadAsync(bool onlyIfNone, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (onlyIfNone && current is { } loaded) return loaded;
            await using var scope = scopes.CreateAsyncScope();
            var snapshot = await scope.ServiceProvider.GetRequiredService<ProfileLoader>().LoadAsync(ct);
            current = snapshot;
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The year in the zone now: rules read revenue growth as of it (as <see cref="ProfileLoader"/> does).</summary>
    private int ZoneYear => TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).Year;

    /// <summary>A snapshot of the data as it is now: the cached one when the enterprise data's
    /// fingerprint has not changed since it was loaded (the usual case when a policy is published), else a reload.</summary>
    public async Task<ProfileSnapshot> FreshAsync(CancellationToken ct)
    {
        if (current is { } snapshot && snapshot.Vocabulary.AsOfYear == ZoneYear)
        {
            await using var scope = scopes.CreateAsyncScope();
            var fingerprint = await scope.ServiceProvider.GetRequiredService<ProfileLoader>().FingerprintAsync(ct);
            if (fingerprint == snapshot.Fingerprint) return snapshot;
        }
        return await ReloadAsync(onlyIfNone: false, ct);
    }

    public void Dispose() => gate.Dispose();
}
