namespace Lingjing.Server.Features.Collaboration;

/// <summary>The body of publishing or editing an offer.</summary>
public sealed record OfferInput(
    string? Kind, string? Title, string? Description, string? Segment, IReadOnlyList<string>? Tags,
    long? PriceMinYuan, long? PriceMaxYuan, IReadOnlyList<string>? Examples)
{
    public static readonly Field KindField = new("kind", "Kind of offer");
    public static readonly Field PriceMinField = new("priceMinYuan", "Price from");
    public static readonly Field PriceMaxField = new("priceMaxYuan", "Price up to");
    public static readonly Field ExamplesField = new("examples", "Examples of past work");
    public const int MaxExamples = 10;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Kind is null || !OfferKinds.Codes.Contains(Kind))
            errors.Add(KindField, Failure.NotKnown, Kind ?? "", string.Join(", ", OfferKinds.Codes));
        CollaborationFields.CheckText(errors, Title, Description);
        CollaborationFields.CheckSegment(errors, Segment);
        CollaborationFields.CheckTags(errors, Tags);
        CollaborationFields.CheckRange(errors, PriceMinField, PriceMaxField, PriceMinYuan, PriceMaxYuan);
        var examples = CleanExamples(Examples);
        if (examples.Count > MaxExamples) errors.Add(ExamplesField, "At most {0} examples.", MaxExamples);
        foreach (var example in examples) errors.MaxLength(ExamplesField, example, 300);
        return errors;
    }

    public static List<string> CleanExamples(IReadOnlyList<string>? examples) =>
        [.. (examples ?? []).Select(e => e.Trim()).Where(e => e.Length > 0)];
}
