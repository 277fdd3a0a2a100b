using Spectre.Console;

namespace Lingjing.Server.Features.Demo;

/// <summary>Progress as a live Spectre.Console display, one bar per table with its row count.</summary>
internal sealed class ConsoleSeedProgress(ProgressContext context) : SeedProgress
{
    private readonly Dictionary<string, ProgressTask> tasks = new();

    /// <summary>True when stdout is an interactive terminal; otherwise progress goes to the log.</summary>
    public static bool Available => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static Task RunAsync(Func<SeedProgress, Task> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new ConsoleSeedProgress(context)));

    public override Action<int> Begin(string step, int rows)
    {
        var task = context.AddTask(Describe(step, rows), maxValue: Math.Max(rows, 1));
        tasks[step] = task;
        return written => task.Increment(written);
    }

    public override void End(string step, int rows, TimeSpan elapsed)
    {
        var task = tasks[step];
        task.Value = task.MaxValue;
        task.StopTask();
    }

    private static string Describe(string step, int rows) =>
        rows > 0 ? $"{Markup.Escape(step),-20} [grey]{rows,9:N0} rows[/]" : Markup.Escape(step);
}
