namespace Lingjing.Server.Features.Demo;

public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemoZone(this WebApplicationBuilder builder) => builder;
}
