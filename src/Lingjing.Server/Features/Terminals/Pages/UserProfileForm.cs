using Lingjing.Server.Features.Terminals.Me;

namespace Lingjing.Server.Features.Terminals.Pages;

public sealed class UserProfileForm
{
    public string? DisplayName { get; set; }
    public string? JobTitle { get; set; }
    public string? PreferredCulture { get; set; }

    public static UserProfileForm From(UserProfile profile) =>
        new() { DisplayName = profile.DisplayName, JobTitle = profile.JobTitle, PreferredCulture = profile.PreferredCulture };

    public UserProfileUpdate ToUpdate() => new(DisplayName, JobTitle, PreferredCulture ?? "");
}
