using System.Text;

namespace Lingjing.Bench;

/// <summary>A fixed, seeded mix of enterprise-directory requests like people make them: short and
/// long Chinese terms, English terms, two-word searches, filters alone or with a term, other sorts
/// and later pages. Each request carries its kind so results can be broken down.</summary>
public static class DirectoryQueryMix
{
    private static readonly string[] ChineseShort = ["设计", "影视", "文化", "数字", "演艺", "出版", "星河", "动漫", "传媒", "工艺"];
    private static readonly string[] ChineseLong = ["数字内容", "创意设计", "专精特新", "高新技术", "文化旅游", "广告会展", "工作室", "有限公司"];
    private static readonly string[] English = ["design", "studio", "film", "media", "digital", "culture", "xinghe", "gazelle", "publishing", "games"];
    private static readonly string[] TwoWords = ["digital 设计", "film studio", "文化 media", "创意 design", "xing 影视"];
    private static readonly string[] Categories =
        ["news-publishing", "radio-film-tv", "creative-design", "performing-arts", "digital-content", "cultural-equipment",
         "arts-crafts", "advertising-exhibition", "cultural-tourism", "cultural-investment"];
    private static readonly string[] Tags = ["high-tech", "specialized-innovative", "export", "startup", "gazelle"];
    private static readonly string[] OtherSorts = ["name", "founded", "employees", "revenue"];

    public static IReadOnlyList<(string Kind, string Url)> Build(int count, int seed, int parks)
    {
        var random = new Random(seed);
        var requests = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var query = new StringBuilder("api/v1/enterprises?pageSize=20");
            var roll = random.NextDouble();
            var (kind, q) = roll switch
            {
                < 0.25 => ("zh-2", Pick(random, ChineseShort)),
                < 0.40 => ("zh-3+", Pick(random, ChineseLong)),
                < 0.65 => ("en", Pick(random, English)),
                < 0.75 => ("two-words", Pick(random, TwoWords)),
                _ => ("filters-only", null),
            };
            if (q is not null) query.Append("&q=").Append(Uri.EscapeDataString(q));
            var filtered = q is null || random.NextDouble() < 0.3;
            if (filtered)
            {
                if (random.NextDouble() < 0.5) query.Append("&category=").Append(Pick(random, Categories));
                if (random.NextDouble() < 0.5) query.Append("&parkId=").Append(random.Next(1, parks + 1));
                if (random.NextDouble() < 0.2) query.Append("&aboveSize=true");
                if (random.NextDouble() < 0.2) query.Append("&tag=").Append(Pick(random, Tags));
            }
            if (random.NextDouble() < 0.3) query.Append("&sort=").Append(Pick(random, OtherSorts));
            var page = random.NextDouble() switch { < 0.7 => 1, < 0.9 => 2, _ => random.Next(3, 11) };
            query.Append("&page=").Append(page);
            requests.Add((kind, query.ToString()));
        }
        return requests;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
