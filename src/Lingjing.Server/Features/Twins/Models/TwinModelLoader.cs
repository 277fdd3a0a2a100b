using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Models;

/// <summary>At start, puts the models operators uploaded earlier back into the catalogue.</summary>
internal sealed class TwinModelLoader(LingjingDbContext db, TwinModelCatalog catalog, ILogger<TwinModelLoader> logger) : IDataInitializer
{
    public int Order => 11;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var records = await db.Set<TwinModelRecord>().AsNoTracking().OrderBy(m => m.UploadedAt).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            if (catalog.Find(record.Id) is not null) continue;
            var (parsed, errors) = catalog.Check(record.Json, record.Id);
            if (errors.Count > 0)
                logger.LogWarning("Uploaded model {Id} no longer loads: {Errors}", record.Id, string.Join("; ", errors));
            else
                catalog.Add(parsed);
        }
    }
}
