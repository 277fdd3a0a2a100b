namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Words found in nearly every need, offer or company name of the zone, which say nothing about the work itself
/// ("寻找合作伙伴", "专业团队", "有限公司"): matching leaves them out beside jieba's own stop words, so the words that
/// remain are the ones that tell partners apart.</summary>
public static class BusinessStopWords
{
    public static readonly IReadOnlyList<string> All =
    [
        "项目", "合作", "伙伴", "合作伙伴", "合作方", "寻找", "需要", "急需", "诚邀", "招募", "参与", "外包", "希望", "要求", "优先",
        "考虑", "提供", "相关", "负责", "完成", "完整", "服务", "服务商", "团队", "经验", "丰富", "多年", "专业", "擅长", "领域", "覆盖",
        "整体", "解决", "解决方案", "方案", "方向", "过往", "案例", "作品", "交付", "流程", "全流程", "规模", "组建", "支持", "预算",
        "周期", "面谈", "园区", "企业", "公司", "有限", "有限公司", "北京", "我们", "可以", "能够", "以及", "主要", "从事", "现有", "员工",
        "looking", "partner", "partners", "need", "needs", "team", "experience", "service", "services", "project", "projects",
        "company", "ltd", "co", "beijing", "work", "we", "us",
    ];
}
