namespace Lingjing.Server.Features.Demo;

/// <summary>Neighbourhoods of Beijing's Chaoyang District with approximate centres: every demo park
/// sits near one of them, so the zone's map looks like one real district.</summary>
internal static class DemoPlaces
{
    public const string DistrictZh = "北京市朝阳区";
    public const string DistrictEn = "Chaoyang District, Beijing";

    public sealed record Place(string Zh, string En, double Latitude, double Longitude);

    public static readonly IReadOnlyList<Place> All =
    [
        new("酒仙桥", "Jiuxianqiao", 39.968, 116.495),
        new("望京", "Wangjing", 39.996, 116.470),
        new("双井", "Shuangjing", 39.893, 116.462),
        new("高碑店", "Gaobeidian", 39.905, 116.535),
        new("三里屯", "Sanlitun", 39.936, 116.455),
        new("建外", "Jianwai", 39.909, 116.458),
        new("朝外", "Chaowai", 39.922, 116.440),
        new("东坝", "Dongba", 39.965, 116.560),
        new("来广营", "Laiguangying", 40.020, 116.455),
        new("将台", "Jiangtai", 39.975, 116.500),
        new("平房", "Pingfang", 39.935, 116.555),
        new("十八里店", "Shibalidian", 39.855, 116.500),
        new("劲松", "Jinsong", 39.885, 116.462),
        new("潘家园", "Panjiayuan", 39.875, 116.460),
        new("亚运村", "Yayuncun", 39.990, 116.415),
        new("大屯", "Datun", 40.005, 116.420),
        new("小红门", "Xiaohongmen", 39.845, 116.460),
        new("垡头", "Fatou", 39.870, 116.515),
        new("管庄", "Guanzhuang", 39.915, 116.600),
        new("常营", "Changying", 39.930, 116.600),
        new("三间房", "Sanjianfang", 39.915, 116.565),
        new("金盏", "Jinzhan", 40.000, 116.595),
        new("崔各庄", "Cuigezhuang", 40.020, 116.520),
        new("团结湖", "Tuanjiehu", 39.930, 116.467),
        new("八里庄", "Balizhuang", 39.920, 116.495),
        new("太阳宫", "Taiyanggong", 39.975, 116.445),
        new("麦子店", "Maizidian", 39.950, 116.470),
        new("孙河", "Sunhe", 40.045, 116.520),
    ];

    /// <summary>Road suffixes that turn a neighbourhood name into a street address.</summary>
    public static readonly IReadOnlyList<(string Zh, string En)> Roads =
    [
        ("路", "Road"), ("北路", "North Road"), ("南路", "South Road"), ("东路", "East Road"),
        ("西路", "West Road"), ("中路", "Middle Road"), ("大街", "Street"), ("东街", "East Street"),
    ];
}
