namespace Lingjing.Server.Features.Zone;

/// <summary>The zone's standard qualification tags of an enterprise (stored as these codes), with their
/// names in both languages. Policy rules test them (<c>has_tag("high-tech")</c>); the demo zone's
/// Chinese descriptions repeat the names so a search for e.g. 专精特新 finds the enterprise.</summary>
public static class EnterpriseTags
{
    public const string HighTech = "high-tech";
    public const string SpecializedInnovative = "specialized-innovative";
    public const string Export = "export";
    public const string Listed = "listed";
    public const string Startup = "startup";
    public const string StateOwned = "state-owned";
    public const string ForeignInvested = "foreign-invested";
    public const string TimeHonoured = "time-honoured";
    public const string Gazelle = "gazelle";

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Names = new Dictionary<string, (string, string)>
    {
        [HighTech] = ("高新技术企业", "high-tech enterprise"),
        [SpecializedInnovative] = ("专精特新企业", "specialized and innovative (专精特新) enterprise"),
        [Export] = ("文化出口企业", "cultural exporter"),
        [Listed] = ("上市公司", "listed company"),
        [Startup] = ("初创企业", "startup"),
        [StateOwned] = ("国有企业", "state-owned enterprise"),
        [ForeignInvested] = ("外商投资企业", "foreign-invested enterprise"),
        [TimeHonoured] = ("老字号", "time-honoured brand"),
        [Gazelle] = ("瞪羚企业", "gazelle company"),
    };

    /// <summary>The tag's name in the reader's language; a tag outside the standard ones reads as its code.</summary>
    public static string Name(string tag, bool zh) => Names.TryGetValue(tag, out var names) ? (zh ? names.Zh : names.En) : tag;
}
