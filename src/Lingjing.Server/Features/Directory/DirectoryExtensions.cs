using Lingjing.Server.Features.Directory.Search;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;

namespace Lingjing.Server.Features.Directory;

public static class DirectoryExtensions
{
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Each database's own text index: FTS5 trigram on SQLite, pg_trgm on PostgreSQL.
        services.AddScoped<IDirectoryTextSearch>(sp => sp.GetRequiredService<DatabaseSettings>().IsPostgres
            ? new PostgresTextSearch()
            : new SqliteTextSearch(sp.GetRequiredService<LingjingDbContext>()));
        services.AddScoped<IDataInitializer, DirectoryStatistics>();
        services.AddScoped<EnterpriseDirectory>();
        services.AddScoped<ParkDirectory>();
        services.AddScoped<InstitutionDirectory>();
        services.AddScoped<SpaceDirectory>();
        return builder;
    }

    public static WebApplication MapDirectory(this WebApplication app)
    {
        app.MapDirectoryApi();
        return app;
    }
}
