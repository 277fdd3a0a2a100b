namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Keeps the last <see cref="ProfileSnapshot"/> so live rule previews and explanations do not
/// reload 50,000 profiles per keystroke. Rematches ask for a fresh one.</summary>
public sealed class ProfileSnapshotCache(IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<Lingjing.Server.Infrastructure.LingjingOptions> options)
{
    /// <summary>How old a snapshot may be for previews and explanations.</summary>
    public static readonly TimeSpan PreviewMaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private ProfileSnapshot? current;

    /// <summary>The fingerprint of the data every published policy was last matched against together
    /// (a rematch of all); null until the first one since the start.</summary>
    public string? AllMatchedFingerprint { get; set; }

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
        return await GetAsync(TimeSpan.Zero, ct);
    }
}
