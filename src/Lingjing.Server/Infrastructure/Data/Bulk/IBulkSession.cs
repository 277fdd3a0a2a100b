namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>One transaction of bulk writes. Nothing is visible to others until <see cref="CommitAsync"/>;
/// disposing without committing rolls everything back.</summary>
public interface IBulkSession : IAsyncDisposable
{
    /// <summary>Appends the rows to the table. <paramref name="progress"/> receives the number of rows
    /// written since its last call, every few hundred rows.</summary>
    Task<long> WriteAsync<T>(BulkTable<T> table, IEnumerable<T> rows, Action<int>? progress = null, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);
}
