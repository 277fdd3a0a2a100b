using System.Globalization;
using Lingjing.Server.Features.PolicyServices.Matters;

namespace Lingjing.Server.Features.PolicyServices.Pages;

/// <summary>
/// The catalogue editor's fields as typed, turned into a <see cref="MatterInput"/>. Materials and form fields are one
/// per line: <c>licence | 营业执照 | Business licence</c> and <c>staff | 员工人数 | Employees | number</c>; a last
/// column <c>optional</c> makes one optional.
/// </summary>
public sealed class MatterEditorForm
{
    public const string Optional = "optional";

    public string? Code { get; set; }
    public string? Category { get; set; } = ServiceCategories.EnterpriseServices;
    public string? TitleZh { get; set; }
    public string? TitleEn { get; set; }
    public string? DepartmentZh { get; set; }
    public string? DepartmentEn { get; set; }
    public string? ConditionsZh { get; set; }
    public string? ConditionsEn { get; set; }
    public string? LegalDays { get; set; } = "20";
    public string? Materials { get; set; }
    public string? Form { get; set; }
    public string? CertificateTitleZh { get; set; }
    public string? CertificateTitleEn { get; set; }
    public string? CertificateValidYears { get; set; }
    public bool Published { get; set; }

    public static MatterEditorForm From(MatterView m) => new()
    {
        Code = m.Code, Category = m.Category, TitleZh = m.TitleZh, TitleEn = m.TitleEn, DepartmentZh = m.DepartmentZh, DepartmentEn = m.DepartmentEn,
        ConditionsZh = m.ConditionsZh, ConditionsEn = m.ConditionsEn, LegalDays = m.LegalDays.ToString(CultureInfo.InvariantCulture),
        Materials = string.Join("\n", m.Materials.Select(r => Line(r.Key, r.NameZh, r.NameEn, null, r.Required))),
        Form = string.Join("\n", m.Form.Select(f => Line(f.Key, f.LabelZh, f.LabelEn, f.Kind, f.Required))),
        CertificateTitleZh = m.CertificateTitleZh, CertificateTitleEn = m.CertificateTitleEn,
        CertificateValidYears = m.CertificateValidYears?.ToString(CultureInfo.InvariantCulture), Published = m.Published,
    };

    /// <summary>The input, or null with what could not be read (the rest is checked by <see cref="MatterInput.Validate"/>).</summary>
    public MatterInput? ToInput(FieldErrors errors)
    {
        var legalDays = Number(LegalDays, MatterInput.LegalDaysField, errors);
        var validYears = string.IsNullOrWhiteSpace(CertificateValidYears) ? null : Number(CertificateValidYears, MatterInput.ValidYearsField, errors);
        var materials = new List<MatterRequirement>();
        foreach (var (number, parts) in Lines(Materials))
        {
            if (parts.Length is 3 or 4 && (parts.Length == 3 || parts[3] == Optional)) materials.Add(new MatterRequirement(parts[0], parts[1], parts[2], parts.Length == 3));
            else errors.Add(MatterInput.MaterialsField, "Line {0}: write \"key | 中文名称 | English name\", and \"| optional\" for a material that may be left out.", number);
        }
        var fields = new List<MatterField>();
        foreach (var (number, parts) in Lines(Form))
        {
            if (parts.Length is 4 or 5 && (parts.Length == 4 || parts[4] == Optional)) fields.Add(new MatterField(parts[0], parts[1], parts[2], parts[3], parts.Length == 4));
            else errors.Add(MatterInput.FormField, "Line {0}: write \"key | 中文标签 | English label | kind\" (text, long-text, number or date), and \"| optional\" for a field that may be left empty.", number);
        }
        if (!errors.IsEmpty) return null;
        return new MatterInput(Code, Category, TitleZh, TitleEn, DepartmentZh, DepartmentEn, ConditionsZh, ConditionsEn, legalDays,
            materials, fields, CertificateTitleZh, CertificateTitleEn, validYears, Published);
    }

    private static string Line(string key, string zh, string en, string? kind, bool required) =>
        string.Join(" | ", new[] { key, zh, en, kind, required ? null : Optional }.Where(p => p is not null));

    private static IEnumerable<(int Number, string[] Parts)> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n').Select((line, i) => (i + 1, line.Trim()))
            .Where(l => l.Item2.Length > 0).Select(l => (l.Item1, l.Item2.Split('|', StringSplitOptions.TrimEntries)));

    private static int? Number(string? text, Field field, FieldErrors errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(field, "Enter a whole number.");
        return null;
    }
}
