using System.Globalization;
using Lingjing.Server.Features.Terminals.Enterprises;

namespace Lingjing.Server.Features.Terminals.Pages;

/// <summary>The enterprise profile as the /enterprise form posts it: tags as one comma-separated
/// line and employees as typed, so a wrong entry comes back to the user as it was.</summary>
public sealed class EnterpriseProfileForm
{
    private static readonly char[] TagSeparators = [',', '，', ';', '；', '、', '\n'];

    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionZh { get; set; }
    public string? DescriptionEn { get; set; }
    public string? Website { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Employees { get; set; }
    public string? Tags { get; set; }

    public static EnterpriseProfileForm From(EnterpriseProfile profile) => new()
    {
        NameZh = profile.NameZh,
        NameEn = profile.NameEn,
        DescriptionZh = profile.DescriptionZh,
        DescriptionEn = profile.DescriptionEn,
        Website = profile.Website,
        ContactEmail = profile.ContactEmail,
        ContactPhone = profile.ContactPhone,
        // A value waiting for review is what the administrator last said: saving the form again keeps it pending.
        Employees = (profile.DeclaredEmployees ?? profile.Employees).ToString(CultureInfo.InvariantCulture),
        Tags = string.Join(", ", profile.DeclaredTags ?? profile.Tags),
    };

    public EnterpriseProfileUpdate ToUpdate()
    {
        var employees = (Employees ?? "").Trim().Replace(",", "", StringComparison.Ordinal);
        // Text that is not a whole number becomes -1, which validation reports as out of range.
        int? count = employees.Length == 0 ? null : int.TryParse(employees, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var tags = (Tags ?? "").Split(TagSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new EnterpriseProfileUpdate(NameZh, NameEn, DescriptionZh, DescriptionEn, Website, ContactEmail, ContactPhone, count, tags);
    }
}
