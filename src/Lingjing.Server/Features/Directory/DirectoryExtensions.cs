namespace Lingjing.Server.Features.Directory;

public static class DirectoryExtensions
{
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapDirectory(this WebApplication app) => app;
}
