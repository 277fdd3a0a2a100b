namespace Lingjing.Server.Features.PolicyServices.Applications;

/// <summary>The form fields of an application (multipart/form-data, with files in <c>materials</c>).</summary>
public sealed record ApplicationForm(string? ContactName, string? ContactPhone, string? Statement);
