using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lingjing.Server.Infrastructure.Caching;

/// <summary>An EF Core interceptor: the tables an entity save touches have their cache tags evicted once the
/// change is durable, that is after the save, or after the commit when the save ran inside a transaction
/// (evicting before the commit would let a reader cache the old rows again). ExecuteUpdate/ExecuteDelete
/// and raw SQL do not pass here: their callers use <see cref="CacheEviction"/>.</summary>
public sealed class TableChangeEviction(CacheEviction eviction, IEnumerable<ITableChangeListener> listeners) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Tables changed per context and not yet evicted; contexts are pooled, so the set is cleared, never the key.
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) FlushAsync(eventData.Context, default).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) await FlushAsync(eventData.Context, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        FlushAsync(eventData.Context, default).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        FlushAsync(eventData.Context, cancellationToken).AsTask();

    // A failed save or a rolled-back transaction changed nothing; a stray set is harmless anyway (one extra eviction).
    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Forget(eventData.Context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var tables = pending.GetOrCreateValue(context);
        lock (tables)
        {
            foreach (var entry in context.ChangeTracker.Entries())
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Metadata.GetTableName() is { } table)
                    tables.Add(table);
        }
    }

    private async ValueTask FlushAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || !pending.TryGetValue(context, out var tables)) return;
        string[] changed;
        lock (tables)
        {
            changed = [.. tables];
            tables.Clear();
        }
        if (changed.Length == 0) return;
        await eviction.TablesChangedAsync(changed, ct);
        foreach (var listener in listeners) listener.TablesChanged(changed);
    }

    private void Forget(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var tables)) return;
        lock (tables) tables.Clear();
    }
}
