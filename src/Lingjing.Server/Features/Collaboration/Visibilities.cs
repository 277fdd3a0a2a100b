namespace Lingjing.Server.Features.Collaboration;

/// <summary>Who sees a need besides its own enterprise, the government and the park operators concerned: the whole
/// zone, the enterprises of chosen parks, or only invited enterprises.</summary>
public static class Visibilities
{
    public const string Zone = "zone";
    public const string Parks = "parks";
    public const string Invited = "invited";

    public static readonly IReadOnlyList<string> All = [Zone, Parks, Invited];
}
