namespace Lingjing.Server.Features.Collaboration;

/// <summary>Who takes part in a collaboration besides the enterprise with the need: an enterprise or one of the zone's
/// service institutions (law and IP firms, finance, talent, testing, ...), exactly one of them.</summary>
public readonly record struct Party(int? EnterpriseId, int? InstitutionId)
{
    public const string EnterpriseKind = "enterprise";
    public const string InstitutionKind = "institution";

    public static Party Enterprise(int id) => new(id, null);
    public static Party Institution(int id) => new(null, id);

    /// <summary><c>enterprise</c> or <c>institution</c>.</summary>
    public string Kind => EnterpriseId is null ? InstitutionKind : EnterpriseKind;

    public int Id => EnterpriseId ?? InstitutionId ?? 0;
}
