using Lingjing.Server.Infrastructure.Data;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>
/// One writer of the stored matches at a time. A policy published while the scheduler rematches every policy, or an
/// enterprise re-decided meanwhile, would otherwise both find a match missing and both insert it (a primary-key
/// violation, a 500 for whoever published). A full rematch on another node may take a while on a busy machine: others
/// wait for it up to ten minutes.
/// </summary>
public sealed class PolicyMatchingGate(DatabaseSettings database) : IDisposable
{
    private readonly DatabaseTurn _turn = new(database, 0x4C4A_504D_4154 /* "LJPMAT" */, TimeSpan.FromMinutes(10));

    public Task<IAsyncDisposable> EnterAsync(CancellationToken ct) => _turn.EnterAsync(ct);

    public void Dispose() => _turn.Dispose();
}
