namespace Lingjing.Server.Features.Collaboration;

/// <summary>The fields of needs and offers, and the checks they share.</summary>
internal static class CollaborationFields
{
    public static readonly Field Title = new("title", "Title");
    public static readonly Field Description = new("description", "Description");
    public static readonly Field Segment = new("segment", "Industry chain segment");
    public static readonly Field Tags = new("tags", "Tags");
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;

    public static void CheckText(FieldErrors errors, string? title, string? description)
    {
        errors.Required(Title, title, 120);
        errors.MaxLength(Description, description, 4000, multiline: true);
    }

    public static void CheckSegment(FieldErrors errors, string? segment)
    {
        if (IndustryChain.Find(segment) is null)
            errors.Add(Segment, "Choose a segment of the industry chain: {0}.", string.Join(", ", IndustryChain.Segments.Select(s => s.Code)));
    }

    /// <summary>Tags as kept: trimmed, without empty ones or repeats.</summary>
    public static List<string> CleanTags(IReadOnlyList<string>? tags) =>
        [.. (tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static void CheckTags(FieldErrors errors, IReadOnlyList<string>? tags)
    {
        var clean = CleanTags(tags);
        if (clean.Count > MaxTags) errors.Add(Tags, "At most {0} tags.", MaxTags);
        foreach (var tag in clean) errors.MaxLength(Tags, tag, MaxTagLength);
    }

    /// <summary>An amount range in yuan: each part optional, neither negative, the lowest not above the highest.</summary>
    public static void CheckRange(FieldErrors errors, Field min, Field max, long? low, long? high)
    {
        if (low is < 0) errors.Add(min, "Must not be negative.");
        if (high is < 0) errors.Add(max, "Must not be negative.");
        if (low is { } l && high is { } h && l > h && !errors.Has(max.Key)) errors.Add(max, "The maximum must not be below the minimum.");
    }
}
