using System.Globalization;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Demo;

/// <summary>Generates the synthetic demo zone: pure and deterministic, the same seed and reference
/// year always give the same rows. Revenue covers the three complete years before
/// <paramref name="referenceYear"/>.</summary>
public sealed class DemoZoneGenerator(int seed, int referenceYear)
{
    public const int ParkCount = 51;
    public const int EnterpriseCount = 50_000;
    public const int AboveDesignatedSizeCount = 1_400;
    public const int InstitutionCount = 300;
    public const int SpaceCount = 1_000;
    public const int MinBuildingsPerPark = 8;
    /// <summary>The zone's average yearly revenue growth over the last three years.</summary>
    public const double AverageGrowth = 0.113;
    public const string DemoLabelZh = "（演示数据）";
    public const string DemoLabelEn = "(demo data)";

    public int Seed => seed;
    public int ReferenceYear => referenceYear;

    /// <summary>The reference year for "now": revenue years are the last three complete years.</summary>
    public static int ReferenceYearOf(TimeProvider time) => time.GetUtcNow().UtcDateTime.Year;

    public DemoZone Generate()
    {
        var parks = GenerateParks(Part(1));
        var enterprises = new DemoEnterpriseGenerator(Part(2), parks, referenceYear).Generate();
        var institutions = DemoFacilityGenerator.Institutions(Part(3), parks);
        var spaces = DemoFacilityGenerator.Spaces(Part(4), parks);
        return new DemoZone(seed, enterprises.Years, parks.Select(p => p.Park).ToList(), parks.SelectMany(p => p.Buildings).ToList(),
            enterprises.Enterprises, enterprises.Revenues, institutions, spaces);
    }

    // Each part draws from its own stream, so changing one part leaves the others as they were.
    private Random Part(int part) => new(unchecked(seed * 7919 + part));

    private IReadOnlyList<DemoParkPlan> GenerateParks(Random random)
    {
        var places = DemoPlaces.All.OrderBy(_ => random.Next()).ToList();
        var names = new HashSet<string>();
        var parks = new List<DemoParkPlan>(ParkCount);
        var buildingId = 0;
        for (var id = 1; id <= ParkCount; id++)
        {
            var place = places[(id - 1) % places.Count];
            DemoVocabulary.Word brand, kind;
            do
            {
                brand = DemoVocabulary.ParkBrands[random.Next(DemoVocabulary.ParkBrands.Count)];
                kind = DemoVocabulary.ParkKinds[random.Next(DemoVocabulary.ParkKinds.Count)];
            } while (!names.Add(brand.Zh + kind.Zh));

            var layout = ParkLayout.Create(random);
            var road = DemoPlaces.Roads[random.Next(DemoPlaces.Roads.Count)];
            var number = random.Next(1, 120);
            var opened = random.Next(2005, referenceYear - 1);
            var focus = EnterpriseCategories.All.OrderBy(_ => random.Next()).Take(2).ToList();
            var nameZh = place.Zh + brand.Zh + kind.Zh;
            var nameEn = $"{place.En} {brand.En} {kind.En}";
            var hectares = (layout.Area / 10_000).ToString("0.0", CultureInfo.InvariantCulture);

            var buildings = new List<Building>(layout.Buildings.Count);
            for (var b = 0; b < layout.Buildings.Count; b++)
            {
                var lowRise = random.NextDouble() < 0.35;
                var floors = lowRise ? random.Next(1, 4) : random.Next(4, 21);
                var height = floors == 1 ? 8 + random.NextDouble() * 6 : floors * (3.6 + random.NextDouble() * 0.8);
                buildings.Add(new Building
                {
                    Id = ++buildingId,
                    ParkId = id,
                    NameZh = floors == 1 ? $"{b + 1}号厂房" : $"{b + 1}号楼",
                    NameEn = floors == 1 ? $"Hall {b + 1}" : $"Building {b + 1}",
                    Footprint = ParkLayout.ToJson(layout.Buildings[b].Footprint),
                    HeightMeters = Math.Round(height, 1),
                    Floors = floors,
                });
            }

            var park = new Park
            {
                Id = id,
                Code = $"P{id:00}",
                NameZh = nameZh,
                NameEn = nameEn,
                AddressZh = $"{DemoPlaces.DistrictZh}{place.Zh}{road.Zh}{number}号",
                AddressEn = $"{number} {place.En} {road.En}, {DemoPlaces.DistrictEn}",
                DescriptionZh = $"{nameZh}位于{DemoPlaces.DistrictZh}{place.Zh}，占地约{hectares}万平方米，{opened}年开园，"
                    + $"现有{buildings.Count}栋建筑，聚集{focus[0].NameZh}、{focus[1].NameZh}等领域的文化企业。{DemoLabelZh}",
                DescriptionEn = $"{nameEn} lies in {place.En}, {DemoPlaces.DistrictEn}. Opened in {opened}, it covers about {hectares} hectares "
                    + $"with {buildings.Count} buildings and gathers enterprises in {focus[0].NameEn.ToLowerInvariant()} and {focus[1].NameEn.ToLowerInvariant()}. {DemoLabelEn}",
                // About 600 m of jitter around the neighbourhood's centre, still well inside the district.
                Latitude = Math.Round(place.Latitude + (random.NextDouble() - 0.5) * 0.011, 6),
                Longitude = Math.Round(place.Longitude + (random.NextDouble() - 0.5) * 0.014, 6),
                AreaSquareMeters = layout.Area,
                OpenedYear = opened,
                Boundary = ParkLayout.ToJson(layout.Boundary),
                AllowsGuests = random.NextDouble() < 0.7,
                Buildings = [],
            };
            park.SearchText = SearchText.For(park);
            parks.Add(new DemoParkPlan(park, layout, buildings, place));
        }
        return parks;
    }
}
