namespace Lingjing.Server.Features.Terminals.Me;

/// <summary>The fields a user may change on their own profile. Email and roles are not among them:
/// the email is the sign-in name and roles are granted by administrators.</summary>
public sealed record UserProfileUpdate(string? DisplayName, string? JobTitle, string? PreferredCulture)
{
    public const int DisplayNameMaxLength = 100;
    public const int JobTitleMaxLength = 100;
    public static readonly IReadOnlyList<string> Cultures = ["", "en", "zh-Hans"];

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.Required(new("displayName", "Display name"), DisplayName, DisplayNameMaxLength);
        errors.MaxLength(new("jobTitle", "Job title"), JobTitle, JobTitleMaxLength);
        if (!Cultures.Contains(PreferredCulture ?? ""))
            errors.Add(new("preferredCulture", "Language"), "Choose English, Chinese or the browser's language.");
        return errors;
    }
}
