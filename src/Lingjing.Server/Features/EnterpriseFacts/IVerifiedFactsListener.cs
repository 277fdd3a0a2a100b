namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>Told after a verified fact of an enterprise changed (a declared change was approved), so
/// whatever those facts decide can be decided again. Policy services implement it; this feature does
/// not depend on them.</summary>
public interface IVerifiedFactsListener
{
    Task VerifiedFactsChangedAsync(int enterpriseId, CancellationToken ct);
}
