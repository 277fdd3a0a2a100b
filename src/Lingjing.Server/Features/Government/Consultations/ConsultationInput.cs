using Lingjing.Server.Features.Government.Notices;

namespace Lingjing.Server.Features.Government.Consultations;

/// <summary>The body of opening a consultation: its title and draft in both languages and when comments close.</summary>
public sealed record ConsultationInput(string? TitleZh, string? TitleEn, string? DraftZh, string? DraftEn, DateTimeOffset? ClosesAt)
{
    public static readonly Field TitleZhField = new("titleZh", "Title (Chinese)");
    public static readonly Field TitleEnField = new("titleEn", "Title (English)");
    public static readonly Field DraftZhField = new("draftZh", "Draft (Chinese)");
    public static readonly Field DraftEnField = new("draftEn", "Draft (English)");
    public static readonly Field ClosesAtField = new("closesAt", "Comments close");
    public const int MaxTitle = 200, MaxDraft = 50_000;
    public static readonly TimeSpan LongestOpen = TimeSpan.FromDays(180);

    public FieldErrors Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Required(TitleZhField, TitleZh, MaxTitle);
        errors.Required(TitleEnField, TitleEn, MaxTitle);
        NoticeInput.RequiredText(errors, DraftZhField, DraftZh, MaxDraft);
        NoticeInput.RequiredText(errors, DraftEnField, DraftEn, MaxDraft);
        if (ClosesAt is null) errors.Add(ClosesAtField, "This field is required.");
        else if (ClosesAt <= now) errors.Add(ClosesAtField, "The deadline has passed.");
        else if (ClosesAt - now > LongestOpen) errors.Add(ClosesAtField, "A consultation is open at most {0} days.", LongestOpen.Days);
        return errors;
    }
}

/// <summary>An enterprise's comment.</summary>
public sealed record CommentInput(string? Text)
{
    public static readonly Field TextField = new("text", "Comment");
    public const int MaxText = 4_000;
}

/// <summary>The government's response, once comments have closed.</summary>
public sealed record ResponseInput(string? ResponseZh, string? ResponseEn)
{
    public static readonly Field ResponseZhField = new("responseZh", "Response (Chinese)");
    public static readonly Field ResponseEnField = new("responseEn", "Response (English)");
    public const int MaxResponse = 50_000;
}
