namespace Lingjing.Server.Features.PolicyServices.Pages;

/// <summary>The reviewer's form on an application: the action and its reason, amount, date or note.</summary>
public sealed class ReviewForm
{
    public string? Action { get; set; }
    public string? Reason { get; set; }
    public string? AmountYuan { get; set; }
    public string? PaidOn { get; set; }
    public string? Note { get; set; }
}
