namespace Lingjing.Server.Features.Zone;

public static class InstitutionServiceTypes
{
    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new("legal", "法律服务", "Legal services"),
        new("intellectual-property", "知识产权", "Intellectual property"),
        new("finance", "金融服务", "Finance"),
        new("human-resources", "人力资源", "Human resources"),
        new("accounting-tax", "财税服务", "Accounting and tax"),
        new("technology-transfer", "技术转移", "Technology transfer"),
        new("testing-certification", "检测认证", "Testing and certification"),
        new("training", "教育培训", "Training"),
        new("marketing", "品牌营销", "Marketing and branding"),
        new("incubation", "孵化加速", "Incubation and acceleration"),
    ];

    public static CatalogueEntry? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
