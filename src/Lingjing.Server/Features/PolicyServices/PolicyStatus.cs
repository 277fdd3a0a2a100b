namespace Lingjing.Server.Features.PolicyServices;

public static class PolicyStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";
}
