namespace Lingjing.Server.Features.Collaboration;

/// <summary>A need as a reader sees it. Who it is shown to (<see cref="ParkIds"/>, <see cref="InvitedEnterpriseIds"/>)
/// is told only to its own enterprise and the government.</summary>
public sealed record NeedView(
    int Id, int EnterpriseId, string EnterpriseNameZh, string EnterpriseNameEn, int ParkId,
    string Title, string Description, string Segment, string Stage, IReadOnlyList<string> Tags,
    long? BudgetMinYuan, long? BudgetMaxYuan, DateOnly? Deadline, string PartnerSize,
    string Visibility, IReadOnlyList<int> ParkIds, IReadOnlyList<int> InvitedEnterpriseIds,
    string Status, DateTime CreatedAt, DateTime UpdatedAt, bool Mine)
{
    public static NeedView Of(Need n, string enterpriseNameZh, string enterpriseNameEn, int parkId, Collaborator reader)
    {
        var mine = reader.EnterpriseId == n.EnterpriseId;
        var audience = mine || reader.Government;
        return new NeedView(n.Id, n.EnterpriseId, enterpriseNameZh, enterpriseNameEn, parkId, n.Title, n.Description, n.Segment,
            IndustryChain.Find(n.Segment)?.Stage ?? "", n.Tags, n.BudgetMinYuan, n.BudgetMaxYuan, n.Deadline, n.PartnerSize,
            n.Visibility, audience ? n.VisibleParkIds : [], audience ? n.InvitedEnterpriseIds : [], n.Status, n.CreatedAt, n.UpdatedAt, mine);
    }
}

/// <summary>A need with its history, oldest first.</summary>
public sealed record NeedDetail(NeedView Need, IReadOnlyList<NeedEventView> History);

public sealed record NeedEventView(string Kind, string Note, string ActorName, DateTime At);

/// <summary>A move of a need to another status, with an optional note for the history.</summary>
public sealed record NeedMove(string? Status, string? Note);
