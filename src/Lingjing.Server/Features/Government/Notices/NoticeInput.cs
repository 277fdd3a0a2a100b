using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Government.Notices;

/// <summary>The body of publishing a notice: its text in both languages and whom it is for (lists left empty: everyone).</summary>
public sealed record NoticeInput(string? TitleZh, string? TitleEn, string? BodyZh, string? BodyEn,
    IReadOnlyList<int>? ParkIds, IReadOnlyList<string>? Categories, IReadOnlyList<string>? SizeClasses)
{
    public static readonly Field TitleZhField = new("titleZh", "Title (Chinese)");
    public static readonly Field TitleEnField = new("titleEn", "Title (English)");
    public static readonly Field BodyZhField = new("bodyZh", "Text (Chinese)");
    public static readonly Field BodyEnField = new("bodyEn", "Text (English)");
    public static readonly Field ParksField = new("parkIds", "Parks");
    public static readonly Field CategoriesField = new("categories", "Industries");
    public static readonly Field SizeClassesField = new("sizeClasses", "Size classes");
    public const int MaxTitle = 200, MaxBody = 10_000, MaxParks = 100;

    /// <summary>Checks what can be checked without the database (the parks are checked against it).</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required(TitleZhField, TitleZh, MaxTitle);
        errors.Required(TitleEnField, TitleEn, MaxTitle);
        RequiredText(errors, BodyZhField, BodyZh, MaxBody);
        RequiredText(errors, BodyEnField, BodyEn, MaxBody);
        if (ParkIds is { Count: > MaxParks }) errors.Add(ParksField, "At most {0} parks.", MaxParks);
        foreach (var category in Categories ?? [])
            if (EnterpriseCategories.Find(category) is null)
                errors.Add(CategoriesField, Failure.NotKnown, category, string.Join(", ", EnterpriseCategories.All.Select(c => c.Code)));
        foreach (var size in SizeClasses ?? [])
            if (NoticeTargets.SizeClasses.All(s => s.Code != size))
                errors.Add(SizeClassesField, Failure.NotKnown, size, string.Join(", ", NoticeTargets.SizeClasses.Select(s => s.Code)));
        return errors;
    }

    /// <summary>A required text of several lines.</summary>
    public static void RequiredText(FieldErrors errors, Field field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "This field is required.");
        else errors.MaxLength(field, value, maxLength, multiline: true);
    }
}
