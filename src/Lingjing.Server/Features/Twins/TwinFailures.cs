namespace Lingjing.Server.Features.Twins;

/// <summary>Refusals every twins API shares.</summary>
internal static class TwinFailures
{
    /// <summary>Employees and enterprises do not see the park's machines.</summary>
    public static Failure OperatorsAndGovernmentOnly =>
        Failure.Forbidden("Digital twins, telemetry and alarms are for park operators and the government.");

    /// <summary>Also for a twin of another park: its existence is not told.</summary>
    public static Failure NoTwin(string id) => Failure.NotFound("There is no twin {0} you can see.", id);
}
