namespace Lingjing.Server.Features.Collaboration;

/// <summary>The body of publishing or editing a need. Visibility <c>parks</c> names <see cref="ParkIds"/>;
/// <c>invited</c> names <see cref="InvitedEnterpriseIds"/>.</summary>
public sealed record NeedInput(
    string? Title, string? Description, string? Segment, IReadOnlyList<string>? Tags, long? BudgetMinYuan, long? BudgetMaxYuan,
    DateOnly? Deadline, string? PartnerSize, string? Visibility, IReadOnlyList<int>? ParkIds, IReadOnlyList<int>? InvitedEnterpriseIds)
{
    public static readonly Field BudgetMinField = new("budgetMinYuan", "Budget from");
    public static readonly Field BudgetMaxField = new("budgetMaxYuan", "Budget up to");
    public static readonly Field DeadlineField = new("deadline", "Deadline");
    public static readonly Field PartnerSizeField = new("partnerSize", "Size of partner");
    public static readonly Field VisibilityField = new("visibility", "Who sees it");
    public static readonly Field ParkIdsField = new("parkIds", "Parks");
    public static readonly Field InvitedField = new("invitedEnterpriseIds", "Invited enterprises");
    public const int MaxChosen = 50;

    /// <summary>Checks what can be checked without the database; <paramref name="today"/> is the zone's day.</summary>
    public FieldErrors Validate(DateOnly today)
    {
        var errors = new FieldErrors();
        CollaborationFields.CheckText(errors, Title, Description);
        CollaborationFields.CheckSegment(errors, Segment);
        CollaborationFields.CheckTags(errors, Tags);
        CollaborationFields.CheckRange(errors, BudgetMinField, BudgetMaxField, BudgetMinYuan, BudgetMaxYuan);
        if (Deadline is { } deadline && deadline < today) errors.Add(DeadlineField, "The deadline has passed.");
        if (PartnerSize is not null && !PartnerSizes.Codes.Contains(PartnerSize))
            errors.Add(PartnerSizeField, Failure.NotKnown, PartnerSize, string.Join(", ", PartnerSizes.Codes));
        var visibility = Visibility ?? Visibilities.Zone;
        if (!Visibilities.All.Contains(visibility))
            errors.Add(VisibilityField, Failure.NotKnown, visibility, string.Join(", ", Visibilities.All));
        else if (visibility == Visibilities.Parks) CheckChosen(errors, ParkIdsField, ParkIds, "Choose the parks that may see it.");
        else if (visibility == Visibilities.Invited) CheckChosen(errors, InvitedField, InvitedEnterpriseIds, "Choose the enterprises you invite.");
        return errors;
    }

    private static void CheckChosen(FieldErrors errors, Field field, IReadOnlyList<int>? ids, string none)
    {
        if (ids is null || ids.Count == 0) errors.Add(field, none);
        else if (ids.Distinct().Count() > MaxChosen) errors.Add(field, "At most {0}.", MaxChosen);
    }
}
