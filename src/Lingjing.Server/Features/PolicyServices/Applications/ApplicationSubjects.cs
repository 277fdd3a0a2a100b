namespace Lingjing.Server.Features.PolicyServices.Applications;

/// <summary>What an application is for: a policy or a government matter.</summary>
public static class ApplicationSubjects
{
    public const string Policy = "policy";
    public const string Matter = "matter";

    public static readonly IReadOnlyList<string> All = [Policy, Matter];
}
