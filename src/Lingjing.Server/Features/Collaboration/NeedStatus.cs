using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Where a need stands: open (looking for partners), in talks, and at the end agreed or closed. Talks that
/// come to nothing go back to open.</summary>
public static class NeedStatus
{
    public const string Open = "open";
    public const string InTalks = "in_talks";
    public const string Agreed = "agreed";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Open, InTalks, Agreed, Closed];

    public static readonly IReadOnlyList<CatalogueEntry> Names =
    [
        new(Open, "寻找合作中", "open"),
        new(InTalks, "洽谈中", "in talks"),
        new(Agreed, "已达成合作", "agreed"),
        new(Closed, "已关闭", "closed"),
    ];

    /// <summary>The status in words, for a sentence a person reads.</summary>
    public static Phrase.InBothLanguages Words(string status) =>
        Names.FirstOrDefault(n => n.Code == status) is { } name ? new(name.NameEn, name.NameZh) : new(status, status);

    /// <summary>The moves a need may make; agreed and closed are final.</summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (Open, InTalks) or (Open, Closed) => true,
        (InTalks, Open) or (InTalks, Agreed) or (InTalks, Closed) => true,
        _ => false,
    };

    public static bool IsFinal(string status) => status is Agreed or Closed;
}
