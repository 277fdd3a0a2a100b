using Microsoft.Extensions.Logging;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>Appends every error the in-memory servers log to one file (LINGJING_TEST_ERROR_LOG, or
/// lingjing-test-errors.log in the temp folder), so a test that sees a 500 can be explained from CI
/// output: test.sh prints the file when tests fail.</summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    public static readonly string Path = Environment.GetEnvironmentVariable("LINGJING_TEST_ERROR_LOG")
        ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lingjing-test-errors.log");

    private static readonly Lock Gate = new();

    // EF Core logs every refused insert (expected conflicts in many tests); a request that fails
    // still shows up through the exception handler's own entry.
    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance : new ErrorLogger(categoryName);

    public void Dispose()
    {
    }

    public static void Append(string entry)
    {
        lock (Gate) File.AppendAllText(Path, entry + Environment.NewLine);
    }

    private sealed class ErrorLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            Append($"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{Environment.NewLine}{exception}");
        }
    }
}
