namespace Lingjing.Server.Features.Demo;

/// <summary>Words the demo generator composes names from, each with its Chinese form and its
/// pinyin or English rendering.</summary>
internal static class DemoVocabulary
{
    public sealed record Word(string Zh, string En);

    /// <summary>Characters for trade names (字号), with pinyin.</summary>
    public static readonly IReadOnlyList<Word> TradeNameCharacters = Words(
        "星 xing", "河 he", "华 hua", "映 ying", "画 hua", "光 guang", "影 ying", "文 wen", "艺 yi", "创 chuang",
        "新 xin", "锦 jin", "瑞 rui", "嘉 jia", "禾 he", "云 yun", "山 shan", "海 hai", "天 tian", "宇 yu",
        "辰 chen", "源 yuan", "泽 ze", "博 bo", "雅 ya", "墨 mo", "韵 yun", "声 sheng", "乐 le", "青 qing",
        "蓝 lan", "朗 lang", "明 ming", "达 da", "远 yuan", "方 fang", "和 he", "合 he", "东 dong", "京 jing",
        "城 cheng", "唐 tang", "宋 song", "汉 han", "龙 long", "凤 feng", "麒 qi", "麟 lin", "橙 cheng", "果 guo",
        "米 mi", "禅 chan", "若 ruo", "木 mu", "林 lin", "森 sen", "峰 feng", "川 chuan", "风 feng", "尚 shang",
        "品 pin", "匠 jiang", "时 shi", "空 kong", "元 yuan", "象 xiang", "万 wan", "景 jing", "恒 heng", "启 qi",
        "航 hang", "帆 fan", "鹿 lu", "鲸 jing", "竹 zhu", "石 shi", "金 jin", "玉 yu", "书 shu", "卷 juan");

    public static readonly IReadOnlyList<Word> Surnames = Words(
        "王 Wang", "李 Li", "张 Zhang", "刘 Liu", "陈 Chen", "杨 Yang", "赵 Zhao", "黄 Huang", "周 Zhou", "吴 Wu",
        "徐 Xu", "孙 Sun", "胡 Hu", "朱 Zhu", "高 Gao", "林 Lin", "何 He", "郭 Guo", "马 Ma", "罗 Luo",
        "梁 Liang", "宋 Song", "郑 Zheng", "谢 Xie", "韩 Han", "唐 Tang", "冯 Feng", "于 Yu", "董 Dong", "萧 Xiao");

    public static readonly IReadOnlyList<Word> GivenNameCharacters = Words(
        "伟 wei", "芳 fang", "娜 na", "敏 min", "静 jing", "丽 li", "强 qiang", "磊 lei", "军 jun", "洋 yang",
        "勇 yong", "艳 yan", "杰 jie", "娟 juan", "涛 tao", "明 ming", "超 chao", "秀 xiu", "霞 xia", "平 ping",
        "刚 gang", "晓 xiao", "宇 yu", "欣 xin", "婷 ting", "浩 hao", "然 ran", "子 zi", "涵 han", "轩 xuan",
        "雨 yu", "晨 chen", "思 si", "佳 jia", "博 bo", "文 wen", "一 yi", "诺 nuo", "悦 yue", "琳 lin");

    /// <summary>Brand words in park names ("Red Brick", "No. 9", ...).</summary>
    public static readonly IReadOnlyList<Word> ParkBrands =
    [
        new("红砖", "Red Brick"), new("时光", "Time"), new("天工", "Tiangong"), new("锦绣", "Jinxiu"),
        new("东方", "Oriental"), new("九号", "No. 9"), new("光华", "Guanghua"), new("电子城", "E-Town"),
        new("尚八", "Shangba"), new("莱锦", "Laijin"), new("郎园", "Langyuan"), new("懋隆", "Maolong"),
        new("铜牛", "Tongniu"), new("塞隆", "Sailong"), new("恒通", "Hengtong"), new("北岸", "North Bank"),
        new("水岸", "Waterside"), new("星光", "Starlight"), new("弘祥", "Hongxiang"), new("齐家", "Qijia"),
    ];

    /// <summary>What a park calls itself.</summary>
    public static readonly IReadOnlyList<Word> ParkKinds =
    [
        new("文化创意产业园", "Cultural and Creative Industry Park"), new("艺术区", "Art District"),
        new("数字文化产业园", "Digital Culture Park"), new("影视产业园", "Film and TV Park"),
        new("设计创意园", "Design Park"), new("国际传媒产业园", "International Media Park"),
        new("文创园", "Creative Park"), new("演艺文化园", "Performing Arts Park"),
        new("文化科技园", "Culture and Technology Park"), new("创意工场", "Creative Works"),
    ];

    private static Word[] Words(params string[] pairs) =>
        pairs.Select(p => p.Split(' ')).Select(p => new Word(p[0], p[1])).ToArray();
}
