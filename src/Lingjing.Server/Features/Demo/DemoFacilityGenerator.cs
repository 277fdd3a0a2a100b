using System.Globalization;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Demo;

/// <summary>Generates the zone's service institutions and public cultural spaces.</summary>
internal static class DemoFacilityGenerator
{
    private static readonly IReadOnlyDictionary<string, (string Zh, string En)> InstitutionSuffixes = new Dictionary<string, (string, string)>
    {
        ["legal"] = ("律师事务所", "Law Firm"),
        ["intellectual-property"] = ("知识产权代理有限公司", "Intellectual Property Agency Co., Ltd."),
        ["finance"] = ("文化融资担保有限公司", "Cultural Financing Guarantee Co., Ltd."),
        ["human-resources"] = ("人力资源服务有限公司", "Human Resources Services Co., Ltd."),
        ["accounting-tax"] = ("会计师事务所", "CPA Firm"),
        ["technology-transfer"] = ("技术转移中心", "Technology Transfer Centre"),
        ["testing-certification"] = ("检测认证有限公司", "Testing and Certification Co., Ltd."),
        ["training"] = ("职业技能培训学校", "Vocational Training School"),
        ["marketing"] = ("品牌管理有限公司", "Brand Management Co., Ltd."),
        ["incubation"] = ("创业孵化器有限公司", "Incubator Co., Ltd."),
    };

    private static readonly string[] InstitutionTags = ["online-service", "english-service", "free-consultation", "government-certified", "member-discount"];

    public static List<Institution> Institutions(Random random, IReadOnlyList<DemoParkPlan> parks)
    {
        var institutions = new List<Institution>(DemoZoneGenerator.InstitutionCount);
        var names = new HashSet<string>();
        var characters = DemoVocabulary.TradeNameCharacters;
        for (var id = 1; id <= DemoZoneGenerator.InstitutionCount; id++)
        {
            var type = InstitutionServiceTypes.All[(id - 1) % InstitutionServiceTypes.All.Count];
            var suffix = InstitutionSuffixes[type.Code];
            DemoVocabulary.Word first, second;
            do
            {
                first = characters[random.Next(characters.Count)];
                second = characters[random.Next(characters.Count)];
            } while (first.Zh == second.Zh || !names.Add(first.Zh + second.Zh + type.Code));

            var nameZh = $"北京{first.Zh}{second.Zh}{suffix.Zh}";
            var nameEn = $"Beijing {char.ToUpperInvariant(first.En[0])}{first.En[1..]}{second.En} {suffix.En}";
            var plan = random.NextDouble() < 0.8 ? parks[random.Next(parks.Count)] : null;
            var place = plan?.Place ?? DemoPlaces.All[random.Next(DemoPlaces.All.Count)];
            var building = plan?.Buildings[random.Next(plan.Buildings.Count)];
            var slug = $"{(first.En + second.En).ToLowerInvariant()}-{type.Code}";
            var institution = new Institution
            {
                Id = id,
                ParkId = plan?.Park.Id,
                NameZh = nameZh,
                NameEn = nameEn,
                ServiceType = type.Code,
                DescriptionZh = $"{nameZh}面向园区文化企业提供{type.NameZh}，" + (plan is null ? $"服务覆盖{DemoPlaces.DistrictZh}各园区。" : $"常驻{plan.Park.NameZh}。")
                    + DemoZoneGenerator.DemoLabelZh,
                DescriptionEn = $"{nameEn} offers {type.NameEn.ToLowerInvariant()} to the zone's cultural enterprises"
                    + (plan is null ? $" across {DemoPlaces.DistrictEn}." : $" from its office at {plan.Park.NameEn}.") + " " + DemoZoneGenerator.DemoLabelEn,
                AddressZh = plan is null
                    ? $"{DemoPlaces.DistrictZh}{place.Zh}{random.Next(1, 200)}号"
                    : $"{plan.Park.AddressZh}{building!.NameZh}{random.Next(1, building.Floors + 1)}层",
                AddressEn = plan is null
                    ? $"{random.Next(1, 200)} {place.En}, {DemoPlaces.DistrictEn}"
                    : $"Floor {random.Next(1, building!.Floors + 1)}, {building.NameEn}, {plan.Park.AddressEn}",
                ContactPhone = "010-6" + random.Next(0, 10_000_000).ToString("0000000", CultureInfo.InvariantCulture),
                ContactEmail = $"service@{slug}.demo.lingjing.local",
                Tags = InstitutionTags.Where(_ => random.NextDouble() < 0.35).ToList(),
            };
            institution.SearchText = SearchText.For(institution);
            institutions.Add(institution);
        }
        return institutions;
    }

    public static List<Space> Spaces(Random random, IReadOnlyList<DemoParkPlan> parks)
    {
        // Every park has at least ten spaces; the rest go to parks at random.
        var perPark = parks.Select(_ => 10).ToArray();
        for (var extra = DemoZoneGenerator.SpaceCount - perPark.Sum(); extra > 0; extra--) perPark[random.Next(parks.Count)]++;
        var kindWeights = DemoSpaceKinds.All.Select(k => k.Share).ToArray();
        var spaces = new List<Space>(DemoZoneGenerator.SpaceCount);
        for (var p = 0; p < parks.Count; p++)
        {
            var plan = parks[p];
            var names = new HashSet<string>();
            for (var n = 0; n < perPark[p]; n++)
            {
                var kind = DemoSpaceKinds.All[Pick(random, kindWeights)];
                var variant = kind.Names[random.Next(kind.Names.Count)];
                var outdoor = kind.SpaceType == "outdoor-venue";
                var buildingIndex = random.Next(plan.Buildings.Count);
                var building = outdoor ? null : plan.Buildings[buildingIndex];
                var (x, y) = outdoor
                    ? plan.Layout.Crossings[random.Next(plan.Layout.Crossings.Count)]
                    : (plan.Layout.Buildings[buildingIndex].AnchorX, plan.Layout.Buildings[buildingIndex].AnchorY);
                var nameZh = building is null ? variant.Zh : building.NameZh + variant.Zh;
                var nameEn = building is null ? variant.En : $"{variant.En}, {building.NameEn}";
                for (var copy = 2; !names.Add(nameZh); copy++)
                {
                    nameZh = (building is null ? variant.Zh : building.NameZh + variant.Zh) + copy.ToString(CultureInfo.InvariantCulture);
                    nameEn = building is null ? $"{variant.En} {copy}" : $"{variant.En} {copy}, {building.NameEn}";
                }

                var capacity = kind.MinCapacity + (int)((kind.MaxCapacity - kind.MinCapacity) * Math.Pow(random.NextDouble(), 2));
                var area = Math.Round(capacity * kind.SquareMetersPerPerson * (0.8 + random.NextDouble() * 0.5));
                var equipment = kind.Equipment.Where(_ => random.NextDouble() < 0.7).ToList();
                if (equipment.Count == 0) equipment.Add(kind.Equipment[0]);
                var opensLater = random.NextDouble() < 0.2 ? 30 : 0;
                var space = new Space
                {
                    Id = spaces.Count + 1,
                    ParkId = plan.Park.Id,
                    BuildingId = building?.Id,
                    NameZh = nameZh,
                    NameEn = nameEn,
                    SpaceType = kind.SpaceType,
                    Capacity = capacity,
                    AreaSquareMeters = area,
                    OpensAt = kind.OpensAt.AddMinutes(opensLater),
                    ClosesAt = kind.ClosesAt,
                    OpenDays = kind.OpenDays,
                    Equipment = equipment,
                    DescriptionZh = $"{plan.Park.NameZh}{nameZh}，可容纳{capacity}人，面积约{area}平方米，配备"
                        + string.Join("、", equipment.Select(e => DemoSpaceKinds.EquipmentZh[e])) + "。" + DemoZoneGenerator.DemoLabelZh,
                    DescriptionEn = $"{nameEn} at {plan.Park.NameEn} holds {capacity} people in about {area} m², with "
                        + string.Join(", ", equipment.Select(e => e.Replace('-', ' '))) + ". " + DemoZoneGenerator.DemoLabelEn,
                    X = x,
                    Y = y,
                };
                space.SearchText = SearchText.For(space);
                spaces.Add(space);
            }
        }
        // Each building's spaces go to its floors in turn, by id, as its digital twins are placed.
        foreach (var inBuilding in spaces.Where(s => s.BuildingId is not null).GroupBy(s => s.BuildingId!.Value))
        {
            var floors = Math.Max(1, parks.SelectMany(p => p.Buildings).First(b => b.Id == inBuilding.Key).Floors);
            var index = 0;
            foreach (var space in inBuilding.OrderBy(s => s.Id)) space.Floor = index++ % floors + 1;
        }
        return spaces;
    }

    private static int Pick(Random random, double[] weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((target -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }
}
