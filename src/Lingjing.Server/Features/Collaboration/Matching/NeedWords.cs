namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>The words of a need: all of them, and the key ones (of its title and tags), which say what it is about and
/// weigh double in matching; the description's other words tell the circumstances (deadlines, budgets, wishes).</summary>
public sealed record NeedWords(IReadOnlySet<string> All, IReadOnlySet<string> Key)
{
    public const double KeyWeight = 2;

    public static NeedWords Of(Need need, WordSplitter words)
    {
        var key = words.Words([need.Title, .. need.Tags]);
        var all = new HashSet<string>(key, StringComparer.Ordinal);
        all.UnionWith(words.Words(need.Description));
        return new NeedWords(all, key);
    }
}
