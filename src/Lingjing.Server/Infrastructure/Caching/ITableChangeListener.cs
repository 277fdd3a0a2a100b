namespace Lingjing.Server.Infrastructure.Caching;

/// <summary>Told which tables a unit of work changed once it is committed (after the caches were evicted): a feature
/// that follows up on writes (the decision record seals new entries) registers one. Called on the committing thread:
/// hand longer work off.</summary>
public interface ITableChangeListener
{
    void TablesChanged(IReadOnlyCollection<string> tables);
}
