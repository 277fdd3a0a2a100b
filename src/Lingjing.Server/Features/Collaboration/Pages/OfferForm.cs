namespace Lingjing.Server.Features.Collaboration.Pages;

/// <summary>The offer form as posted: tags comma-separated, examples one per line.</summary>
public sealed class OfferForm
{
    public string? Kind { get; set; } = "service";
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Segment { get; set; }
    public string? Tags { get; set; }
    public long? PriceMinYuan { get; set; }
    public long? PriceMaxYuan { get; set; }
    public string? Examples { get; set; }

    public OfferInput ToInput() => new(Kind, Title, Description, Segment, SplitTags(Tags), PriceMinYuan, PriceMaxYuan,
        [.. (Examples ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]);

    /// <summary>Tags as people type them: separated by commas (either width) or 、.</summary>
    public static List<string> SplitTags(string? tags) =>
        [.. (tags ?? "").Split([',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
