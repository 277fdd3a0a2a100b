namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>Who may start a conversation with an enterprise or institution (<see cref="ContactRules"/>); without a row,
/// anyone who can see its needs and offers. Threads already started continue whatever the rule.</summary>
public sealed class ContactRule
{
    public int Id { get; set; }
    public int? EnterpriseId { get; set; }
    public int? InstitutionId { get; set; }
    public string Who { get; set; } = ContactRules.Anyone;
    public Guid? UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class ContactRules
{
    public const string Anyone = "anyone";
    public const string SamePark = "same_park";
    public const string Partners = "partners";
    public const string Nobody = "nobody";

    public static readonly IReadOnlyList<string> All = [Anyone, SamePark, Partners, Nobody];
}
