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

    public static readonly Field NameZhField = new("nameZh", "Chinese name");
    public static readonly Field NameEnField = new("nameEn", "English name");
    public static readonly Field DescriptionZhField = new("descriptionZh", "Chinese description");
    public static readonly Field DescriptionEnField = new("descriptionEn", "English description");
    public static readonly Field WebsiteField = new("website", "Website");
    public static readonly Field ContactEmailField = new("contactEmail", "Contact email");
    public static readonly Field ContactPhoneField = new("contactPhone", "Contact phone");
    public static readonly Field EmployeesField = new("employees", "Employees");
    public static readonly Field TagsField = new("tags", "Tags");

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required(NameZhField, NameZh, NameMaxLength);
        errors.Required(NameEnField, NameEn, NameMaxLength);
        errors.MaxLength(DescriptionZhField, DescriptionZh, DescriptionMaxLength, multiline: true);
        errors.MaxLength(DescriptionEnField, DescriptionEn, DescriptionMaxLength, multiline: true);
        var website = (Website ?? "").Trim();
        if (website.Length > WebsiteMaxLength) errors.Add(WebsiteField, "At most {0:#,0} characters.", WebsiteMaxLength);
        else if (website.Length > 0 && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            errors.Add(WebsiteField, "Enter a web address starting with http:// or https://.");
        var email = (ContactEmail ?? "").Trim();
        if (email.Length > EmailMaxLength || (email.Length > 0 && !EmailPattern().IsMatch(email)))
            errors.Add(ContactEmailField, "Enter an email address such as info@example.com.");
        var phone = (ContactPhone ?? "").Trim();
        if (phone.Length > 0 && !PhonePattern().IsMatch(phone))
            errors.Add(ContactPhoneField, "Enter a phone number of digits, spaces, +, - and parentheses (5 to 30 characters).");
        if (Employees is null) errors.Add(EmployeesField, "This field is required.");
        else if (Employees < 0 || Employees > MaxEmployees) errors.Add(EmployeesField, "Enter a number of employees between 0 and 1,000,000.");
        var tags = CleanTags;
        if (tags.Count > MaxTags) errors.Add(TagsField, "At most {0} tags.", MaxTags);
        if (tags.Any(t => t.Length > TagMaxLength)) errors.Add(TagsField, "Each tag has at most {0} characters.", TagMaxLength);
        return errors;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9+()\- ]{5,30}$")]
    private static partial Regex PhonePattern();
}
