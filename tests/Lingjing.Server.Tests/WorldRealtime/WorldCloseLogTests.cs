using Lingjing.Server.Features.World.Realtime;
using Lingjing.World;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.WorldRealtime;

/// <summary>A connection closed for bad input is one log line without a stack trace, and a flood of them is capped.</summary>
public sealed class WorldCloseLogTests
{
    [Fact]
    public void Each_bad_connection_is_one_line_without_an_exception()
    {
        var logger = new RecordingLogger();
        var log = new WorldCloseLog(logger, new FakeTimeProvider());

        log.Closed("user-1", WorldCloseCodes.MalformedFrame, "malformed frame: absurd length");

        logger.Lines.ShouldBe(["Warning World connection of user user-1 closed with 4000: malformed frame: absurd length"]);
        logger.Exceptions.ShouldBe(0);
    }

    [Fact]
    public void A_flood_of_bad_connections_logs_at_most_30_lines_a_minute_then_says_how_many_were_left_out()
    {
        var logger = new RecordingLogger();
        var time = new FakeTimeProvider();
        var log = new WorldCloseLog(logger, time);

        for (var i = 0; i < 1_000; i++) log.Closed($"user-{i}", WorldCloseCodes.MalformedFrame, "malformed frame");
        logger.Lines.Count.ShouldBe(WorldCloseLog.LinesPerMinute);

        time.Advance(TimeSpan.FromMinutes(1));
        log.Closed("user-next", WorldCloseCodes.TooSlow, "client too slow");
        logger.Lines.Count.ShouldBe(WorldCloseLog.LinesPerMinute + 1);
        logger.Lines[^1].ShouldEndWith("closed with 4008: client too slow (970 similar lines left out before this one)");
    }

    [Theory]
    [InlineData(WorldCloseCodes.MalformedFrame, true)]
    [InlineData(WorldCloseCodes.FrameTooBig, true)]
    [InlineData(WorldCloseCodes.TooSlow, true)]
    [InlineData(WorldCloseCodes.Normal, false)]
    [InlineData(WorldCloseCodes.Abnormal, false)]
    [InlineData(WorldCloseCodes.Replaced, false)]
    [InlineData(WorldCloseCodes.NotAdmitted, false)]
    public void Only_closes_that_are_the_clients_fault_are_logged(int code, bool logged) =>
        WorldCloseLog.IsClientFault(code).ShouldBe(logged);

    private sealed class RecordingLogger : ILogger<WorldCloseLog>
    {
        public List<string> Lines { get; } = new();
        public int Exceptions { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Add($"{logLevel} {formatter(state, exception)}");
            if (exception is not null) Exceptions++;
        }
    }
}
