using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory.Search;

/// <summary>Gives the query planners statistics about the directory tables once rows are in
/// (after the demo seeder, which runs earlier). Without them SQLite reads each matched row through
/// the primary key instead of the narrow covering index, several times slower for large matches.
/// SQLite: a sampled ANALYZE (analysis_limit) that costs milliseconds; PostgreSQL: ANALYZE when
/// the enterprises table has never been analysed (autovacuum keeps it current afterwards).</summary>
internal sealed class DirectoryStatistics(LingjingDbContext db) : IDataInitializer
{
    public int Order => 100;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", cancellationToken);
            return;
        }
        var analysed = await db.Database.SqlQueryRaw<bool>(
            "SELECT (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'enterprises'")
            .ToListAsync(cancellationToken);
        if (analysed is [false])
            await db.Database.ExecuteSqlRawAsync("ANALYZE parks, enterprises, institutions, spaces", cancellationToken);
    }
}
