namespace Lingjing.Server.Features.Collaboration.Pages;

/// <summary>The form proposing an agreement: the partner as "enterprise:12" or "institution:3", as the matches list it.</summary>
public sealed class AgreementForm
{
    public string? Partner { get; set; }
    public string? What { get; set; }
    public string? AmountBand { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    public AgreementProposal ToProposal()
    {
        var (kind, id) = Partner?.Split(':') is [var k, var i] && int.TryParse(i, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (k, (int?)n) : ("", null);
        return new AgreementProposal(kind == Party.EnterpriseKind ? id : null, What, AmountBand, StartsOn, EndsOn,
            kind == Party.InstitutionKind ? id : null);
    }

    public static string Key(string kind, int? enterpriseId, int? institutionId) =>
        kind == Party.InstitutionKind ? $"{Party.InstitutionKind}:{institutionId}" : $"{Party.EnterpriseKind}:{enterpriseId}";
}
