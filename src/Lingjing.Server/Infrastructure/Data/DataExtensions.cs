using Lingjing.Server.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Infrastructure.Data;

public static class DataExtensions
{
    public static WebApplicationBuilder AddLingjingData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LingjingOptions.Section).Get<LingjingOptions>() ?? new LingjingOptions();
        var database = DatabaseSettings.FromConfiguration(builder.Configuration, options);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<SqliteConnectionSetup>();

        builder.Services.AddDbContextPool<LingjingDbContext>((services, db) =>
        {
            if (database.IsPostgres)
                db.UseNpgsql(database.ConnectionString);
            else
                db.UseSqlite(database.ConnectionString).AddInterceptors(services.GetRequiredService<SqliteConnectionSetup>());
            db.AddInterceptors(services.GetRequiredService<TableChangeEviction>());
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<LingjingDbContext>("database", tags: ["ready"]);
        return builder;
    }
}
