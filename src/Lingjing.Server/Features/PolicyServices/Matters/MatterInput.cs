using System.Text.RegularExpressions;

namespace Lingjing.Server.Features.PolicyServices.Matters;

/// <summary>
/// A matter as the government writes it (<c>POST/PUT /api/v1/matters</c>, the catalogue editor). Keys of materials
/// and form fields are what enterprises send (<c>material.{key}</c>, <c>field.{key}</c>): lower-case letters, digits
/// and hyphens, unique within the matter.
/// </summary>
public sealed partial record MatterInput(
    string? Code, string? Category, string? TitleZh, string? TitleEn, string? DepartmentZh, string? DepartmentEn,
    string? ConditionsZh, string? ConditionsEn, int? LegalDays, IReadOnlyList<MatterRequirement>? Materials, IReadOnlyList<MatterField>? Form,
    string? CertificateTitleZh, string? CertificateTitleEn, int? CertificateValidYears, bool Published)
{
    public const int MaxTitle = 200, MaxConditions = 4_000, MaxItems = 20, MaxLegalDays = 120, MaxValidYears = 50;

    public static readonly Field CodeField = new("code", "Number");
    public static readonly Field CategoryField = new("category", "Category");
    public static readonly Field TitleZhField = new("titleZh", "Title (Chinese)");
    public static readonly Field TitleEnField = new("titleEn", "Title (English)");
    public static readonly Field DepartmentZhField = new("departmentZh", "Department (Chinese)");
    public static readonly Field DepartmentEnField = new("departmentEn", "Department (English)");
    public static readonly Field ConditionsZhField = new("conditionsZh", "Conditions (Chinese)");
    public static readonly Field ConditionsEnField = new("conditionsEn", "Conditions (English)");
    public static readonly Field LegalDaysField = new("legalDays", "Legal time limit");
    public static readonly Field MaterialsField = new("materials", "Materials");
    public static readonly Field FormField = new("form", "Form");
    public static readonly Field CertificateField = new("certificateTitleZh", "Certificate");
    public static readonly Field ValidYearsField = new("certificateValidYears", "Valid for");

    [GeneratedRegex("^[A-Z]{2,6}-[0-9]{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Code)) errors.Add(CodeField, "This field is required.");
        else if (!CodePattern().IsMatch(Code.Trim())) errors.Add(CodeField, "Write the number as capital letters, a hyphen and three digits, such as IP-004.");
        if (Category is null) errors.Add(CategoryField, "This field is required.");
        else if (!ServiceCategories.All.Contains(Category)) errors.Add(CategoryField, Failure.NotKnown, Category, string.Join(", ", ServiceCategories.All));
        errors.Required(TitleZhField, TitleZh, MaxTitle);
        errors.Required(TitleEnField, TitleEn, MaxTitle);
        errors.Required(DepartmentZhField, DepartmentZh, MaxTitle);
        errors.Required(DepartmentEnField, DepartmentEn, MaxTitle);
        RequiredText(errors, ConditionsZhField, ConditionsZh);
        RequiredText(errors, ConditionsEnField, ConditionsEn);
        if (LegalDays is null) errors.Add(LegalDaysField, "This field is required.");
        else if (LegalDays is < 1 or > MaxLegalDays) errors.Add(LegalDaysField, "A whole number of working days from {0} to {1}.", 1, MaxLegalDays);
        CheckMaterials(errors);
        CheckForm(errors);
        CheckCertificate(errors);
        return errors;
    }

    private static void RequiredText(FieldErrors errors, Field field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "This field is required.");
        else errors.MaxLength(field, value, MaxConditions, multiline: true);
    }

    private void CheckMaterials(FieldErrors errors)
    {
        var materials = Materials ?? [];
        if (materials.Count > MaxItems) errors.Add(MaterialsField, "At most {0} items.", MaxItems);
        CheckItems(errors, MaterialsField, materials.Select(m => (m.Key, m.NameZh, m.NameEn)).ToList());
    }

    private void CheckForm(FieldErrors errors)
    {
        var form = Form ?? [];
        if (form.Count > MaxItems) errors.Add(FormField, "At most {0} items.", MaxItems);
        CheckItems(errors, FormField, form.Select(f => (f.Key, f.LabelZh, f.LabelEn)).ToList());
        for (var i = 0; i < form.Count; i++)
            if (!MatterFieldKinds.All.Contains(form[i].Kind))
                errors.Add(FormField, "Line {0}: the kind '{1}' is not known. Allowed values: {2}.", i + 1, form[i].Kind, string.Join(", ", MatterFieldKinds.All));
    }

    /// <summary>Each item (a material or a form field) with a key of its own and a name in both languages.</summary>
    private static void CheckItems(FieldErrors errors, Field field, IReadOnlyList<(string Key, string Zh, string En)> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (key, zh, en) = items[i];
            if (key is null || !KeyPattern().IsMatch(key)) // null from JSON despite the type
                errors.Add(field, "Line {0}: the key '{1}' must be lower-case letters, digits and hyphens (at most 40).", i + 1, key);
            else if (!seen.Add(key)) errors.Add(field, "Line {0}: the key '{1}' is used twice.", i + 1, key);
            if (string.IsNullOrWhiteSpace(zh) || string.IsNullOrWhiteSpace(en))
                errors.Add(field, "Line {0}: a name in Chinese and in English is required.", i + 1);
            else if (zh.Length > MaxTitle || en.Length > MaxTitle) errors.Add(field, "Line {0}: a name has at most {1} characters.", i + 1, MaxTitle);
        }
    }

    private void CheckCertificate(FieldErrors errors)
    {
        var zh = !string.IsNullOrWhiteSpace(CertificateTitleZh);
        var en = !string.IsNullOrWhiteSpace(CertificateTitleEn);
        if (zh != en) errors.Add(CertificateField, "Name the certificate in Chinese and in English, or leave both empty for a matter that issues none.");
        errors.MaxLength(CertificateField, CertificateTitleZh, MaxTitle);
        errors.MaxLength(CertificateField, CertificateTitleEn, MaxTitle);
        if (CertificateValidYears is { } years && (years < 1 || years > MaxValidYears))
            errors.Add(ValidYearsField, "A whole number of years from {0} to {1}, or empty for no end.", 1, MaxValidYears);
        if (CertificateValidYears is not null && !zh && !en) errors.Add(ValidYearsField, "Only a matter that issues a certificate has a validity.");
    }
}
