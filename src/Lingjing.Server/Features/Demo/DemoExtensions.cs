using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data.Bulk;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lingjing.Server.Features.Demo;

public static class DemoExtensions
{
    /// <summary>The demo zone: seeded on first start when <c>Lingjing:Demo</c> is true.</summary>
    public static WebApplicationBuilder AddDemoZone(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<BulkWriter>();
        builder.Services.AddScoped<IDataInitializer, DemoSeeder>();
        return builder;
    }
}
