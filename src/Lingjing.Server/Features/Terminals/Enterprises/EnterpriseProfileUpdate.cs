using System.Text.RegularExpressions;

namespace Lingjing.Server.Features.Terminals.Enterprises;

/// <summary>The fields an enterprise administrator maintains. Registry facts (credit code, category,
/// park, size class, revenue) are not editable here; employees and tags are declared for review.</summary>
public sealed partial record EnterpriseProfileUpdate(
    string? NameZh,
    string? NameEn,
    string? DescriptionZh,
    string? DescriptionEn,
    string? Website,
    string? ContactEmail,
    string? ContactPhone,
    int? Employees,
    IReadOnlyList<string>? Tags)
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int WebsiteMaxLength = 300;
    public const int EmailMaxLength = 254;
    public const int MaxEmployees = 1_000_000;
    public const int MaxTags = 20;
    public const int TagMaxLength = 40;

    /// <summary>Trimmed, non-empty, distinct tags in the order given.</summary>
    public IReadOnlyList<string> CleanTags =>
        (Tags ?? []).Select(t => (t ?? "").Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required("nameZh", NameZh, NameMaxLength);
        errors.Required("nameEn", NameEn, NameMaxLength);
        errors.MaxLength("descriptionZh", DescriptionZh, DescriptionMaxLength, multiline: true);
        errors.MaxLength("descriptionEn", DescriptionEn, DescriptionMaxLength, multiline: true);
        var website = (Website ?? "").Trim();
        if (website.Length > WebsiteMaxLength) errors.Add("website", $"At most {WebsiteMaxLength} characters.");
        else if (website.Length > 0 && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            errors.Add("website", "Enter a web address starting with http:// or https://.");
        var email = (ContactEmail ?? "").Trim();
        if (email.Length > EmailMaxLength || (email.Length > 0 && !EmailPattern().IsMatch(email)))
            errors.Add("contactEmail", "Enter an email address such as info@example.com.");
        var phone = (ContactPhone ?? "").Trim();
        if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
            errors.Add("contactPhone", "Enter a phone number of digits, spaces, +, - and parentheses (5 to 30 characters).");
        if (Employees is null) errors.Add("employees", "This field is required.");
        else if (Employees < 0 || Employees > MaxEmployees) errors.Add("employees", "Enter a number of employees between 0 and 1,000,000.");
        var tags = CleanTags;
        if (tags.Count > MaxTags) errors.Add("tags", $"At most {MaxTags} tags.");
        if (tags.Any(t => t.Length > TagMaxLength)) errors.Add("tags", $"Each tag has at most {TagMaxLength} characters.");
        return errors;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9+()\- ]{5,30}$")]
    private static partial Regex PhonePattern();
}
