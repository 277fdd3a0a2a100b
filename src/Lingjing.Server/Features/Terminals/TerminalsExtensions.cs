namespace Lingjing.Server.Features.Terminals;

public static class TerminalsExtensions
{
    public static WebApplicationBuilder AddTerminals(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapTerminals(this WebApplication app) => app;
}
