using System.Globalization;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Demo;

/// <summary>Generates the zone's enterprises and their revenue rows.</summary>
internal sealed class DemoEnterpriseGenerator(Random random, IReadOnlyList<DemoParkPlan> parks, int referenceYear)
{
    public sealed record Result(IReadOnlyList<int> Years, List<Enterprise> Enterprises, List<EnterpriseRevenue> Revenues);

    private const int Count = DemoZoneGenerator.EnterpriseCount;

    public Result Generate()
    {
        int[] years = [referenceYear - 3, referenceYear - 2, referenceYear - 1];
        var above = PickAboveDesignatedSize();
        var parkWeights = Cumulative(parks.Select(_ => 0.4 + random.NextDouble() * 1.6).ToArray());
        var categoryWeights = Cumulative(DemoIndustries.All.Select(i => i.Share).ToArray());
        var names = new HashSet<string>(Count);
        var raw = new[] { new double[Count], new double[Count], new double[Count] };
        var enterprises = new List<Enterprise>(Count);
        var firstFounding = new DateOnly(1998, 1, 1);
        var foundingDays = new DateOnly(years[0], 1, 1).DayNumber - firstFounding.DayNumber;
        // The organisation numbers run through a bijection of 0..10^8, so codes are unique but not sequential.
        var codeOffset = random.Next(10_000_000, 90_000_000);

        for (var i = 0; i < Count; i++)
        {
            var id = i + 1;
            var isAbove = above[i];
            var industry = DemoIndustries.All[Pick(categoryWeights)];
            var plan = parks[Pick(parkWeights)];
            var building = plan.Buildings[random.Next(plan.Buildings.Count)];
            var founded = DateOnly.FromDayNumber(firstFounding.DayNumber + (int)(foundingDays * Math.Sqrt(random.NextDouble())));
            var listed = isAbove && random.NextDouble() < 0.04;

            // Revenue in the first year, then each enterprise's own growth around the zone's trend.
            var revenue = isAbove ? 2e7 * Math.Pow(100, Math.Pow(random.NextDouble(), 2.5)) : 3e5 * Math.Pow(60, Math.Pow(random.NextDouble(), 1.6));
            var growth1 = Math.Clamp(DemoZoneGenerator.AverageGrowth + Gaussian() * 0.12, -0.35, 0.9);
            var growth2 = Math.Clamp(DemoZoneGenerator.AverageGrowth + Gaussian() * 0.12, -0.35, 0.9);
            raw[0][i] = revenue;
            raw[1][i] = revenue * (1 + growth1);
            raw[2][i] = revenue * (1 + growth1) * (1 + growth2);
            var employees = isAbove
                ? Math.Clamp((int)(revenue / (3e5 + random.NextDouble() * 7e5)), 30, 6000)
                : Math.Clamp((int)(revenue / (1.2e5 + random.NextDouble() * 2.8e5)), 2, 280);

            var (first, second) = TradeName(names, industry, listed, out var word);
            var tradeZh = first.Zh + second.Zh;
            var tradeEn = Capitalize(first.En + second.En);
            var nameZh = $"北京{tradeZh}{word.Zh}{(listed ? "股份有限公司" : "有限公司")}";
            var nameEn = $"Beijing {tradeEn} {word.En} {(listed ? "Corporation" : "Co., Ltd.")}";
            var tags = Tags(industry.Category, isAbove, listed, founded, growth1 + growth2);
            var business = industry.Business[random.Next(industry.Business.Count)];
            var slug = $"{(first.En + second.En).ToLowerInvariant()}-{id}";

            var enterprise = new Enterprise
            {
                Id = id,
                ParkId = plan.Park.Id,
                BuildingId = building.Id,
                CreditCode = CreditCode.For((int)((codeOffset + (long)id * 48_271) % 100_000_000)),
                NameZh = nameZh,
                NameEn = nameEn,
                Category = industry.Category,
                FoundedOn = founded,
                Employees = employees,
                AboveDesignatedSize = isAbove,
                Tags = tags,
                DescriptionZh = $"{nameZh}成立于{founded.Year}年，位于{plan.Park.NameZh}{building.NameZh}，主要从事{business.Zh}，现有员工{employees}人。"
                    + (tags.Count > 0 ? $"企业资质：{string.Join("、", tags.Select(t => EnterpriseTags.Names[t].Zh))}。" : "")
                    + (isAbove ? "规模以上文化企业。" : "") + DemoZoneGenerator.DemoLabelZh,
                DescriptionEn = $"{nameEn}, founded in {founded.Year}, works in {business.En} from {building.NameEn} at {plan.Park.NameEn} "
                    + $"and employs {employees} people."
                    + (tags.Count > 0 ? $" Recognised as: {string.Join(", ", tags.Select(t => EnterpriseTags.Names[t].En))}." : "")
                    + (isAbove ? " An enterprise above designated size." : "") + " " + DemoZoneGenerator.DemoLabelEn,
                Website = $"https://{slug}.demo.lingjing.local",
                ContactEmail = $"contact@{slug}.demo.lingjing.local",
                ContactPhone = Phone(),
                UpdatedAt = new DateTime(referenceYear, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                RegisteredAt = new DateTime(referenceYear, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            enterprise.SearchText = SearchText.For(enterprise);
            enterprises.Add(enterprise);
        }

        var scaled = DemoRevenueSeries.Scale(raw, DemoZoneGenerator.AverageGrowth);
        var revenues = new List<EnterpriseRevenue>(Count * years.Length);
        for (var i = 0; i < Count; i++)
        {
            for (var y = 0; y < years.Length; y++)
                revenues.Add(new EnterpriseRevenue { EnterpriseId = i + 1, Year = years[y], RevenueYuan = scaled[y][i] });
            enterprises[i].LatestRevenueYuan = scaled[^1][i];
        }
        return new Result(years, enterprises, revenues);
    }

    private bool[] PickAboveDesignatedSize()
    {
        var order = Enumerable.Range(0, Count).ToArray();
        var above = new bool[Count];
        for (var k = 0; k < DemoZoneGenerator.AboveDesignatedSizeCount; k++)
        {
            var j = random.Next(k, Count);
            (order[k], order[j]) = (order[j], order[k]);
            above[order[k]] = true;
        }
        return above;
    }

    private (DemoVocabulary.Word, DemoVocabulary.Word) TradeName(HashSet<string> names, DemoIndustries.Industry industry, bool listed, out DemoVocabulary.Word word)
    {
        var characters = DemoVocabulary.TradeNameCharacters;
        while (true)
        {
            var first = characters[random.Next(characters.Count)];
            var second = characters[random.Next(characters.Count)];
            word = industry.NameWords[random.Next(industry.NameWords.Count)];
            if (first.Zh != second.Zh && names.Add(first.Zh + second.Zh + word.Zh + listed)) return (first, second);
        }
    }

    private List<string> Tags(string category, bool above, bool listed, DateOnly founded, double growth)
    {
        var tags = new List<string>();
        var technical = category is "digital-content" or "cultural-equipment";
        if (random.NextDouble() < (technical ? 0.25 : 0.08) + (above ? 0.2 : 0)) tags.Add(EnterpriseTags.HighTech);
        if (random.NextDouble() < (above ? 0.15 : 0.025)) tags.Add(EnterpriseTags.SpecializedInnovative);
        if (random.NextDouble() < 0.06) tags.Add(EnterpriseTags.Export);
        if (listed) tags.Add(EnterpriseTags.Listed);
        if (founded.Year >= referenceYear - 6 && random.NextDouble() < 0.6) tags.Add(EnterpriseTags.Startup);
        if (random.NextDouble() < 0.02) tags.Add(EnterpriseTags.StateOwned);
        if (random.NextDouble() < 0.03) tags.Add(EnterpriseTags.ForeignInvested);
        if (category == "arts-crafts" && founded.Year < 2005 && random.NextDouble() < 0.3) tags.Add(EnterpriseTags.TimeHonoured);
        if (above && growth > 0.4) tags.Add(EnterpriseTags.Gazelle);
        return tags;
    }

    private string Phone() => "010-" + "568"[random.Next(3)] + random.Next(0, 10_000_000).ToString("0000000", CultureInfo.InvariantCulture);

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private int Pick(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double[] Cumulative(double[] weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
