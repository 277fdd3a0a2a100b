using Lingjing.Server.Tests.Infrastructure;
using System.Security.Cryptography;
using System.Text.Json;
using Lingjing.Server.Features.Demo;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Tests.Demo;

public sealed class DemoZoneGeneratorTests
{
    private static DemoZone Zone => GeneratedDemoZone.Default;

    [Fact]
    public void Same_seed_gives_an_identical_zone()
    {
        var again = new DemoZoneGenerator(GeneratedDemoZone.DefaultSeed, DemoZoneGenerator.ReferenceYearOf(TestClock.Provider)).Generate();

        Fingerprint(again).ShouldBe(Fingerprint(Zone));
    }

    [Fact]
    public void Different_seed_gives_a_different_zone()
    {
        var other = GeneratedDemoZone.Generate(GeneratedDemoZone.DefaultSeed + 1);

        Fingerprint(other).ShouldNotBe(Fingerprint(Zone));
        other.Enterprises.Select(e => e.NameZh).Take(100).ShouldNotBe(Zone.Enterprises.Select(e => e.NameZh).Take(100));
    }

    [Fact]
    public void Zone_has_the_reference_counts()
    {
        Zone.Parks.Count.ShouldBe(51);
        Zone.Enterprises.Count.ShouldBe(50_000);
        Zone.Enterprises.Count(e => e.AboveDesignatedSize).ShouldBe(1_400);
        Zone.Institutions.Count.ShouldBe(300);
        Zone.Spaces.Count.ShouldBe(1_000);
        Zone.Buildings.GroupBy(b => b.ParkId).ShouldAllBe(g => g.Count() >= 8);
        Zone.Buildings.Select(b => b.ParkId).Distinct().Count().ShouldBe(51);
    }

    [Fact]
    public void Revenue_covers_the_last_three_complete_years_and_grows_11_3_percent_on_average()
    {
        var year = DemoZoneGenerator.ReferenceYearOf(TestClock.Provider);
        Zone.RevenueYears.ShouldBe([year - 3, year - 2, year - 1]);
        Zone.Revenues.Count.ShouldBe(150_000);
        Zone.Revenues.GroupBy(r => r.EnterpriseId).ShouldAllBe(g => g.Select(r => r.Year).Order().SequenceEqual(Zone.RevenueYears));

        var totals = Zone.Revenues.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(g => g.Sum(r => r.RevenueYuan)).ToList();
        var years = totals.Select((t, i) => new YearRevenue(Zone.RevenueYears[i], t, i == 0 ? null : (double)t / totals[i - 1] - 1)).ToList();
        ZoneStatistics.AverageGrowth(years).ShouldBe(0.113);

        var latest = Zone.Revenues.Where(r => r.Year == year - 1).ToDictionary(r => r.EnterpriseId, r => r.RevenueYuan);
        Zone.Enterprises.ShouldAllBe(e => e.LatestRevenueYuan == latest[e.Id] && e.LatestRevenueYuan > 0);
    }

    [Fact]
    public void Enterprises_above_designated_size_are_larger_than_the_rest()
    {
        var above = Zone.Enterprises.Where(e => e.AboveDesignatedSize).ToList();
        var rest = Zone.Enterprises.Where(e => !e.AboveDesignatedSize).ToList();

        above.Average(e => e.LatestRevenueYuan).ShouldBeGreaterThan(10 * rest.Average(e => e.LatestRevenueYuan));
        above.Average(e => e.Employees).ShouldBeGreaterThan(5 * rest.Average(e => e.Employees));
        Median(above.Select(e => e.LatestRevenueYuan)).ShouldBeGreaterThan(rest.Max(e => e.LatestRevenueYuan) / 2);
    }

    [Fact]
    public void Enterprises_have_unique_valid_credit_codes_and_names()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        Zone.Enterprises.Select(e => e.CreditCode).Distinct().Count().ShouldBe(50_000);
        Zone.Enterprises.Select(e => e.NameZh).Distinct().Count().ShouldBe(50_000);
        Zone.Enterprises.ShouldAllBe(e => e.CreditCode.Length == 18 && e.CreditCode.All(c => alphabet.Contains(c)));
        Zone.Enterprises.Select(e => e.Category).Distinct().Order().ShouldBe(EnterpriseCategories.All.Select(c => c.Code).Order());
        Zone.Enterprises.SelectMany(e => e.Tags).Distinct().ShouldContain("specialized-innovative");
        Zone.Enterprises.ShouldAllBe(e => e.FoundedOn.Year < Zone.RevenueYears[0] && e.Employees > 0 && e.Website.Contains(".demo.lingjing.local"));
    }

    [Fact]
    public void Every_row_is_labelled_as_demo_data_and_carries_its_search_text()
    {
        Zone.Parks.ShouldAllBe(p => p.DescriptionZh.EndsWith("（演示数据）") && p.DescriptionEn.EndsWith("(demo data)") && p.SearchText == SearchText.For(p));
        Zone.Enterprises.ShouldAllBe(e => e.DescriptionZh.EndsWith("（演示数据）") && e.DescriptionEn.EndsWith("(demo data)") && e.SearchText == SearchText.For(e));
        Zone.Institutions.ShouldAllBe(i => i.DescriptionZh.EndsWith("（演示数据）") && i.DescriptionEn.EndsWith("(demo data)") && i.SearchText == SearchText.For(i));
        Zone.Spaces.ShouldAllBe(s => s.DescriptionZh.EndsWith("（演示数据）") && s.DescriptionEn.EndsWith("(demo data)") && s.SearchText == SearchText.For(s));
    }

    [Fact]
    public void Parks_lie_in_chaoyang_and_buildings_fit_their_park_without_overlapping()
    {
        Zone.Parks.ShouldAllBe(p => p.Latitude > 39.80 && p.Latitude < 40.10 && p.Longitude > 116.39 && p.Longitude < 116.65);
        Zone.Parks.ShouldAllBe(p => p.AddressZh.StartsWith("北京市朝阳区") && p.AddressEn.EndsWith("Chaoyang District, Beijing"));
        foreach (var park in Zone.Parks)
        {
            var boundary = Polygon.Parse(park.Boundary);
            Math.Abs(boundary.SignedArea).ShouldBe(park.AreaSquareMeters, 1.0);
            var footprints = Zone.Buildings.Where(b => b.ParkId == park.Id).Select(b => Polygon.Parse(b.Footprint)).ToList();
            foreach (var footprint in footprints)
            {
                footprint.Points.Count.ShouldBeGreaterThanOrEqualTo(4);
                footprint.SignedArea.ShouldBeGreaterThan(100);
                footprint.Points.ShouldAllBe(p => boundary.Contains(p.X, p.Y));
            }
            for (var i = 0; i < footprints.Count; i++)
            for (var j = i + 1; j < footprints.Count; j++)
                footprints[i].BoundsOverlap(footprints[j]).ShouldBeFalse($"park {park.Id}: buildings {i + 1} and {j + 1} overlap");
        }
        Zone.Buildings.ShouldAllBe(b => b.Floors >= 1 && b.HeightMeters >= 3 * b.Floors);
    }

    [Fact]
    public void Spaces_sit_inside_their_park_with_hours_capacity_and_equipment()
    {
        var boundaries = Zone.Parks.ToDictionary(p => p.Id, p => Polygon.Parse(p.Boundary));
        Zone.Spaces.ShouldAllBe(s => boundaries[s.ParkId].Contains(s.X, s.Y));
        Zone.Spaces.ShouldAllBe(s => s.Capacity > 0 && s.OpensAt < s.ClosesAt && s.OpenDays > 0 && s.Equipment.Count > 0);
        Zone.Spaces.Select(s => s.SpaceType).Distinct().Count().ShouldBe(SpaceTypes.All.Count);
        Zone.Spaces.Select(s => s.ParkId).Distinct().Count().ShouldBe(51);
        Zone.Institutions.Select(i => i.ServiceType).Distinct().Count().ShouldBe(InstitutionServiceTypes.All.Count);
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Fingerprint(DemoZone zone) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(zone)));
}
