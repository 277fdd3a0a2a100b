namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The filters of the policy and application lists, as fields of a list request.</summary>
internal static class PolicyFilters
{
    public static readonly Field Stage = new("stage", "Stage");
    public static readonly Field Category = new("category", "Category");
    public static readonly Field Status = new("status", "Status");
    public static readonly Field Enterprise = new("enterpriseId", "Enterprise");

    /// <summary>The government asks about an enterprise, so it must name one.</summary>
    public static FieldErrors EnterpriseRequired()
    {
        var errors = new FieldErrors();
        errors.Add(Enterprise, "Choose the enterprise to check.");
        return errors;
    }
}
