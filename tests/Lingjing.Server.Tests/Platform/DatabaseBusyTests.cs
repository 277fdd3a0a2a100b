using Lingjing.Server.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lingjing.Server.Tests.Platform;

/// <summary>A database out of connections is a 503 with Retry-After, not a 500.</summary>
public sealed class DatabaseBusyTests
{
    [Theory]
    [InlineData("53300")]
    [InlineData("pool")]
    public async Task Too_many_clients_becomes_503_with_retry_after(string kind)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        Exception busy = kind == "pool"
            ? new NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently 15 seconds)")
            : new InvalidOperationException("wrapped", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"));
        var handler = new DatabaseBusyExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<DatabaseBusyExceptionHandler>.Instance);

        (await handler.TryHandleAsync(http, busy, default)).ShouldBeTrue();

        http.Response.StatusCode.ShouldBe(503);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("1");
        http.Response.Body.Position = 0;
        (await new StreamReader(http.Response.Body).ReadToEndAsync()).ShouldContain("The server is busy");
    }

    [Fact]
    public async Task Other_database_errors_are_left_alone()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new DatabaseBusyExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<DatabaseBusyExceptionHandler>.Instance);

        (await handler.TryHandleAsync(new DefaultHttpContext { RequestServices = services },
            new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01"), default)).ShouldBeFalse();
    }
}
