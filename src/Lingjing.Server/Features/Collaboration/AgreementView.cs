namespace Lingjing.Server.Features.Collaboration;

/// <summary>An agreement as its sides, their parks' operators and the government see it. The partner is an enterprise
/// (<c>partnerKind</c> enterprise, <c>partnerEnterpriseId</c>) or an institution (institution, <c>partnerInstitutionId</c>).</summary>
public sealed record AgreementView(
    int Id, int NeedId, string NeedTitle, int ClientEnterpriseId, string ClientNameZh, string ClientNameEn,
    string PartnerKind, int? PartnerEnterpriseId, int? PartnerInstitutionId, string PartnerNameZh, string PartnerNameEn, string What, string AmountBand,
    DateOnly StartsOn, DateOnly? EndsOn, string Status, string ProposedByName, DateTime ProposedAt,
    string? DecidedByName, DateTime? DecidedAt, IReadOnlyList<RatingView> Ratings);

/// <summary>A rating given by one side (<c>client</c> or <c>partner</c>) to the other.</summary>
public sealed record RatingView(string Side, int Stars, string Comment, DateTime At);

/// <summary>The body of proposing an agreement from a need: the partner is an enterprise or an institution, one of them.</summary>
public sealed record AgreementProposal(int? PartnerEnterpriseId, string? What, string? AmountBand, DateOnly? StartsOn, DateOnly? EndsOn, int? PartnerInstitutionId = null)
{
    public static readonly Field PartnerField = new("partnerEnterpriseId", "Partner");
    public static readonly Field PartnerInstitutionField = new("partnerInstitutionId", "Partner institution");
    public static readonly Field WhatField = new("what", "What the partner does");
    public static readonly Field AmountBandField = new("amountBand", "Amount");
    public static readonly Field StartsOnField = new("startsOn", "Starts on");
    public static readonly Field EndsOnField = new("endsOn", "Ends on");

    public Party Partner => new(PartnerEnterpriseId, PartnerEnterpriseId is null ? PartnerInstitutionId : null);

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (PartnerEnterpriseId is null && PartnerInstitutionId is null) errors.Add(PartnerField, "This field is required.");
        if (PartnerEnterpriseId is not null && PartnerInstitutionId is not null)
            errors.Add(PartnerInstitutionField, "Name an enterprise or an institution as the partner, not both.");
        errors.Required(WhatField, What, 500);
        if (AmountBand is null || !AmountBands.Codes.Contains(AmountBand))
            errors.Add(AmountBandField, Failure.NotKnown, AmountBand ?? "", string.Join(", ", AmountBands.Codes));
        if (StartsOn is null) errors.Add(StartsOnField, "This field is required.");
        if (StartsOn is { } start && EndsOn is { } end && end < start) errors.Add(EndsOnField, "The end must not be before the start.");
        return errors;
    }
}

/// <summary>The body of rating an agreement: 1 to 5 stars and an optional comment.</summary>
public sealed record AgreementRatingInput(int? Stars, string? Comment)
{
    public static readonly Field StarsField = new("stars", "Stars");
    public static readonly Field CommentField = new("comment", "Comment");

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Stars is not (>= 1 and <= 5)) errors.Add(StarsField, "From 1 to 5 stars.");
        errors.MaxLength(CommentField, Comment, 1000, multiline: true);
        return errors;
    }
}
