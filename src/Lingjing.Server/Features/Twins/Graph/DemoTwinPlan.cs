using System.Text.Json;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>The demo zone's twins, derived deterministically from its parks, buildings and spaces.</summary>
public sealed class DemoTwinPlan
{
    public const string Park = "dtmi:lingjing:Park;1";
    public const string Building = "dtmi:lingjing:Building;1";
    public const string Floor = "dtmi:lingjing:Floor;1";
    public const string Space = "dtmi:lingjing:Space;1";
    public const string Occupancy = "dtmi:lingjing:OccupancySensor;1";
    public const string Climate = "dtmi:lingjing:TemperatureHumiditySensor;1";
    public const string Energy = "dtmi:lingjing:EnergyMeter;1";
    public const string Air = "dtmi:lingjing:AirQualitySensor;1";
    public const string Door = "dtmi:lingjing:DoorCounter;1";
    public const string Line = "dtmi:lingjing:ProductionLine;1";
    public const string Machine = "dtmi:lingjing:Machine;1";

    public List<Twin> Twins { get; } = [];
    public List<TwinRelationship> Relationships { get; } = [];
    public List<Alarms.AlarmRule> Rules { get; } = [];

    public static string ParkTwin(int parkId) => $"p{parkId:00}";
    public static string SpaceTwin(int parkId, int spaceId) => $"p{parkId:00}-s{spaceId}";

    /// <summary>The machines of the two demo lines: id suffix, English and Chinese names, kind, ideal rate per minute.</summary>
    public static readonly IReadOnlyList<(string Line, string Industry, string NameEn, string NameZh, double Rate, (string Id, string En, string Zh, string Kind, double Rate)[] Machines)> Lines =
    [
        ("textile", "textile", "Textile line", "纺织生产线", 40, [
            ("spin", "Ring spinning frame", "环锭细纱机", "spinning", 60),
            ("warp", "Warping machine", "整经机", "warping", 50),
            ("loom1", "Air-jet loom 1", "喷气织机1", "loom", 45),
            ("loom2", "Air-jet loom 2", "喷气织机2", "loom", 45),
            ("dye", "Dyeing machine", "染色机", "dyeing", 42),
            ("finish", "Stenter (finishing)", "定型机", "finishing", 40),
        ]),
        ("auto", "automotive", "Automotive body line", "汽车车身生产线", 1, [
            ("press", "Stamping press", "冲压机", "press", 1.4),
            ("weld1", "Welding robot cell 1", "焊接机器人工位1", "welding", 1.2),
            ("weld2", "Welding robot cell 2", "焊接机器人工位2", "welding", 1.2),
            ("paint", "Paint booth", "喷涂室", "painting", 1.1),
            ("assembly", "Final assembly station", "总装工位", "assembly", 1.05),
            ("test", "End-of-line test", "下线检测", "testing", 1.0),
        ]),
    ];

    public static DemoTwinPlan Build(IReadOnlyList<Zone.Park> parks, IReadOnlyList<Zone.Building> buildings, IReadOnlyList<Zone.Space> spaces, DateTime now)
    {
        var plan = new DemoTwinPlan();
        var buildingsByPark = buildings.GroupBy(b => b.ParkId).ToDictionary(g => g.Key, g => g.ToList());
        var spacesByBuilding = spaces.Where(s => s.BuildingId is not null).GroupBy(s => s.BuildingId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var spacesOutside = spaces.Where(s => s.BuildingId is null).GroupBy(s => s.ParkId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var park in parks)
        {
            var parkTwin = plan.Add(ParkTwin(park.Id), Park, park.Id, null, "/", park.NameEn, park.NameZh,
                new { parkId = park.Id, code = park.Code, areaSquareMeters = park.AreaSquareMeters }, now);
            foreach (var building in buildingsByPark.GetValueOrDefault(park.Id) ?? [])
            {
                var b = plan.Add($"{parkTwin.Id}-b{building.Id}", Building, park.Id, parkTwin, "contains", building.NameEn, building.NameZh,
                    new { buildingId = building.Id, floors = building.Floors, heightMeters = building.HeightMeters }, now);
                plan.Add($"{b.Id}-energy", Energy, park.Id, b, "hasSensor", $"{building.NameEn} energy meter", $"{building.NameZh}电能表", new { }, now);
                plan.Add($"{b.Id}-air", Air, park.Id, b, "hasSensor", $"{building.NameEn} air quality", $"{building.NameZh}空气质量", new { }, now);
                plan.Add($"{b.Id}-door", Door, park.Id, b, "hasSensor", $"{building.NameEn} entrance counter", $"{building.NameZh}入口计数", new { }, now);
                var floors = new List<Twin>();
                for (var level = 1; level <= Math.Max(1, building.Floors); level++)
                    floors.Add(plan.Add($"{b.Id}-f{level}", Floor, park.Id, b, "contains", $"{building.NameEn} floor {level}", $"{building.NameZh}{level}层", new { level }, now));
                var inside = spacesByBuilding.GetValueOrDefault(building.Id) ?? [];
                for (var i = 0; i < inside.Count; i++)
                    plan.AddSpace(inside[i], floors[inside[i].Floor is { } level && level >= 1 && level <= floors.Count ? level - 1 : i % floors.Count], now);
                if (park.Id == TwinDemoSeeder.FactoryPark && building == buildingsByPark[park.Id][0])
                    plan.AddLines(park.Id, b, now);
            }
            foreach (var space in spacesOutside.GetValueOrDefault(park.Id) ?? [])
                plan.AddSpace(space, parkTwin, now);
        }
        plan.AddRules(now);
        return plan;
    }

    /// <summary>Zone-wide demo rules (no park): every park's operators get their own alarms from them.</summary>
    private void AddRules(DateTime now)
    {
        Alarms.AlarmRule Rule(int id, string model, string telemetry, string kind, string comparison, double threshold, int window, string severity, string en, string zh) =>
            new() { Id = id, ModelId = model, Telemetry = telemetry, Kind = kind, Comparison = comparison, Threshold = threshold, WindowSeconds = window,
                Severity = severity, NameEn = en, NameZh = zh, Enabled = true, CreatedAt = now };
        Rules.Add(Rule(1, Climate, "temperature", Alarms.AlarmKinds.Threshold, Alarms.AlarmComparisons.Above, 30, 0, Alarms.AlarmSeverities.Warning, "Space too warm", "空间温度过高"));
        Rules.Add(Rule(2, Air, "co2", Alarms.AlarmKinds.Threshold, Alarms.AlarmComparisons.Above, 1200, 0, Alarms.AlarmSeverities.Warning, "CO2 too high", "二氧化碳浓度过高"));
        Rules.Add(Rule(3, Machine, "state", Alarms.AlarmKinds.Threshold, Alarms.AlarmComparisons.Above, 2.5, 0, Alarms.AlarmSeverities.Critical, "Machine fault", "设备故障"));
        Rules.Add(Rule(4, Machine, "", Alarms.AlarmKinds.NoData, Alarms.AlarmComparisons.Above, 0, 600, Alarms.AlarmSeverities.Warning, "Machine silent for 10 minutes", "设备10分钟无数据"));
        Rules.Add(Rule(5, Energy, "power", Alarms.AlarmKinds.Rate, Alarms.AlarmComparisons.Above, 100, 120, Alarms.AlarmSeverities.Info, "Power surge (over 100 kW/min)", "功率骤增（每分钟超过100千瓦）"));
    }

    private void AddSpace(Zone.Space space, Twin container, DateTime now)
    {
        var s = Add(SpaceTwin(space.ParkId, space.Id), Space, space.ParkId, container, "contains", space.NameEn, space.NameZh,
            new { spaceId = space.Id, spaceType = space.SpaceType, capacity = space.Capacity, x = space.X, y = space.Y, setpoint = 24.0 }, now);
        Add($"{s.Id}-occ", Occupancy, space.ParkId, s, "hasSensor", $"{space.NameEn} occupancy", $"{space.NameZh}人数", new { capacity = space.Capacity }, now);
        Add($"{s.Id}-th", Climate, space.ParkId, s, "hasSensor", $"{space.NameEn} climate", $"{space.NameZh}温湿度", new { }, now);
    }

    private void AddLines(int parkId, Twin building, DateTime now)
    {
        foreach (var line in Lines)
        {
            var l = Add($"{ParkTwin(parkId)}-line-{line.Line}", Line, parkId, building, "contains", line.NameEn, line.NameZh,
                new { industry = line.Industry, idealRatePerMinute = line.Rate, shifts = new { firstStartHour = 6, count = 3, hours = 8 } }, now);
            foreach (var m in line.Machines)
                Add($"{l.Id}-{m.Id}", Machine, parkId, l, "contains", m.En, m.Zh, new { kind = m.Kind, idealRatePerMinute = m.Rate }, now);
        }
    }

    private Twin Add(string id, string model, int parkId, Twin? parent, string relationship, string nameEn, string nameZh, object properties, DateTime now)
    {
        var twin = new Twin
        {
            Id = id,
            ModelId = model,
            ParkId = parkId,
            ParentId = parent?.Id,
            Path = (parent?.Path ?? "/") + id + "/",
            NameEn = nameEn,
            NameZh = nameZh,
            Properties = JsonSerializer.Serialize(properties),
            CreatedAt = now,
        };
        Twins.Add(twin);
        if (parent is not null) Relationships.Add(new TwinRelationship { SourceId = parent.Id, Name = relationship, TargetId = id });
        return twin;
    }
}
