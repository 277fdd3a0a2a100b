using System.Globalization;
using Lingjing.Server.Components.Shared;
using Lingjing.Server.Infrastructure.Uploads;

namespace Lingjing.Server.Features.PolicyServices.Matters;

/// <summary>
/// What an enterprise sends for a matter (multipart/form-data): its form's answers as <c>field.{key}</c> and each
/// required material's files as <c>material.{key}</c>. Checked against the matter: every required field answered in
/// its kind, every required material attached, no field or material the matter does not ask for.
/// </summary>
public sealed record MatterSubmission(IReadOnlyDictionary<string, string?> Answers, IReadOnlyList<(string Requirement, IFormFile File)> Files)
{
    public const int MaxFiles = 10;
    public const int MaxFilesPerMaterial = 3;
    private const int TextLength = 200, LongTextLength = 4_000;

    public static MatterSubmission Read(IFormCollection form) => new(
        form.Keys.Where(k => k.StartsWith("field.", StringComparison.Ordinal)).ToDictionary(k => k[6..], k => (string?)form[k].ToString(), StringComparer.Ordinal),
        form.Files.Where(f => f.Name.StartsWith("material.", StringComparison.Ordinal)).Select(f => (f.Name[9..], f)).ToList());

    /// <summary>The answers as they will be stored (trimmed, dates and numbers in invariant form), or the field errors.</summary>
    public Dictionary<string, string> Check(Matter matter, FieldErrors errors)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = matter.Fields();
        foreach (var key in Answers.Keys.Where(k => fields.All(f => f.Key != k)))
            errors.Add(new Field("field." + key, key), "This matter's form has no such field.");
        foreach (var field in fields)
        {
            var name = new Field("field." + field.Key, Bilingual.Pick(field.LabelZh, field.LabelEn));
            var value = Answers.GetValueOrDefault(field.Key)?.Trim() ?? "";
            if (value.Length == 0)
            {
                if (field.Required) errors.Add(name, "This field is required.");
                continue;
            }
            switch (field.Kind)
            {
                case MatterFieldKinds.Number:
                    if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                    {
                        errors.Add(name, "Enter a number, e.g. 1200 or 35.5.");
                        continue;
                    }
                    value = number.ToString(CultureInfo.InvariantCulture);
                    break;
                case MatterFieldKinds.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    errors.Add(name, "Enter a date as yyyy-MM-dd.");
                    continue;
                case MatterFieldKinds.LongText:
                    errors.MaxLength(name, value, LongTextLength, multiline: true);
                    break;
                default:
                    errors.MaxLength(name, value, TextLength);
                    break;
            }
            answers[field.Key] = value;
        }

        var requirements = matter.Requirements();
        foreach (var key in Files.Select(f => f.Requirement).Distinct().Where(k => requirements.All(r => r.Key != k)))
            errors.Add(new Field("material." + key, key), "This matter asks for no such material.");
        if (Files.Count > MaxFiles) errors.Add(new Field("materials", "Materials"), "At most {0} files may be attached; there are {1}.", MaxFiles, Files.Count);
        foreach (var requirement in requirements)
        {
            var name = new Field("material." + requirement.Key, Bilingual.Pick(requirement.NameZh, requirement.NameEn));
            var files = Files.Where(f => f.Requirement == requirement.Key).ToList();
            if (files.Count == 0 && requirement.Required) errors.Add(name, "Attach this material.");
            if (files.Count > MaxFilesPerMaterial) errors.Add(name, "At most {0} files per material.", MaxFilesPerMaterial);
            foreach (var (_, file) in files)
                if (MaterialRules.Check(file, out _) is { } problem) errors.Add(name, problem.Template, problem.Args);
        }
        return answers;
    }
}
