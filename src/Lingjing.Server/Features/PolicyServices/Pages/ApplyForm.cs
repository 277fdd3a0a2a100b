namespace Lingjing.Server.Features.PolicyServices.Pages;

/// <summary>The enterprise's application form (files come from the multipart request itself).</summary>
public sealed class ApplyForm
{
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? Statement { get; set; }
}
