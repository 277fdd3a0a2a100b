using Lingjing.Server.Features.PolicyServices.Matters;

namespace Lingjing.Server.Features.PolicyServices.Demo;

/// <summary>The demo zone's catalogue of matters: a few per service category, each with its conditions, materials,
/// legal time limit, form and (for most) a certificate.</summary>
public static class DemoMatterCatalogue
{
    private static readonly MatterRequirement Licence = new("licence", "营业执照", "Business licence", true);
    private static readonly MatterRequirement Authorisation = new("authorisation", "经办人授权委托书", "Letter authorising the applicant", false);
    private static readonly MatterField Summary = new("summary", "事项说明", "What the application is for", MatterFieldKinds.LongText, true);

    public sealed record Template(string Code, string Category, string TitleZh, string TitleEn, string DepartmentZh, string DepartmentEn,
        string ConditionsZh, string ConditionsEn, MatterRequirement[] Materials, MatterField[] Fields, int LegalDays,
        string? CertificateZh, string? CertificateEn, int? ValidYears);

    public static readonly IReadOnlyList<Template> Templates =
    [
        new("ES-001", ServiceCategories.EnterpriseServices, "网络文化经营许可证核发", "Internet culture business licence", "区文化和旅游局", "District Culture and Tourism Bureau",
            "在本区登记注册的企业；有确定的网络文化产品和服务范围；有适应经营需要的专业人员。",
            "An enterprise registered in the district, with a defined range of online cultural products and services and the staff to run them.",
            [Licence, new("staff", "专业人员名单及资质", "List of professional staff and their qualifications", true), Authorisation],
            [new("website", "网站或应用名称", "Website or app name", MatterFieldKinds.Text, true), new("scope", "经营范围", "Business scope", MatterFieldKinds.LongText, true)],
            20, "网络文化经营许可证", "Internet Culture Business Licence", 3),
        new("ES-002", ServiceCategories.EnterpriseServices, "出版物零售经营许可", "Licence to retail publications", "区文化和旅游局", "District Culture and Tourism Bureau",
            "有固定的经营场所；有与经营范围相适应的从业人员。",
            "A fixed place of business and staff suited to the scope of the business.",
            [Licence, new("premises", "经营场所证明", "Proof of the premises", true)],
            [new("premises-address", "经营场所地址", "Address of the premises", MatterFieldKinds.Text, true), new("area", "营业面积（平方米）", "Floor area (m²)", MatterFieldKinds.Number, true)],
            20, "出版物经营许可证", "Publication Business Licence", 6),
        new("ES-003", ServiceCategories.EnterpriseServices, "园区入驻资格认定", "Recognition as a park tenant", "园区管理委员会", "Parks Administrative Committee",
            "主营业务属于文化产业门类；入驻园区并签订租赁合同。",
            "A main business in one of the cultural industries, and a lease signed with a park of the zone.",
            [Licence, new("lease", "租赁合同", "Lease", true)],
            [new("park", "入驻园区", "Park", MatterFieldKinds.Text, true), new("move-in", "入驻日期", "Moving-in date", MatterFieldKinds.Date, true)],
            10, "园区入驻资格证明", "Certificate of Park Tenancy", 1),
        new("PC-001", ServiceCategories.PolicyConsultation, "政策兑现材料预审", "Pre-check of policy payout materials", "区发展和改革委员会", "District Development and Reform Commission",
            "已获批准、尚未兑现的政策项目。", "A policy project that was approved and not yet paid.",
            [new("approval", "项目批复文件", "The approval of the project", true), new("invoices", "支出凭证", "Evidence of spending", true)],
            [Summary, new("amount", "申请兑现金额（元）", "Amount to be paid (yuan)", MatterFieldKinds.Number, true)],
            5, null, null, null),
        new("PC-002", ServiceCategories.PolicyConsultation, "文化企业认定", "Recognition as a cultural enterprise", "区委宣传部", "District Publicity Department",
            "文化相关营业收入占比不低于 60%；近三年无重大违法记录。",
            "At least 60 % of revenue from cultural business; no serious violation in the last three years.",
            [Licence, new("accounts", "近一年财务报表", "Last year's financial statements", true)],
            [new("cultural-share", "文化营业收入占比（%）", "Share of cultural revenue (%)", MatterFieldKinds.Number, true), Summary],
            15, "文化企业认定证书", "Certificate of Recognition as a Cultural Enterprise", 3),
        new("TA-001", ServiceCategories.Talent, "人才公寓申请", "Application for a talent apartment", "区人力资源和社会保障局", "District Human Resources and Social Security Bureau",
            "在园区企业全职工作；本区无自有住房。", "Working full time for an enterprise of the zone; owning no home in the district.",
            [new("contract", "劳动合同", "Employment contract", true), new("id", "身份证明", "Proof of identity", true)],
            [new("employee", "申请人姓名", "Name of the employee", MatterFieldKinds.Text, true), new("start", "入职日期", "Employed since", MatterFieldKinds.Date, true)],
            15, null, null, null),
        new("TA-002", ServiceCategories.Talent, "高层次人才认定", "Recognition of high-level talent", "区人才工作领导小组办公室", "District Talent Office",
            "符合本区高层次人才分类目录的条件。", "Meeting the conditions of one class of the district's catalogue of high-level talent.",
            [new("cv", "个人简历及业绩证明", "CV and evidence of achievements", true), new("contract", "劳动合同", "Employment contract", true)],
            [new("employee", "人才姓名", "Name of the person", MatterFieldKinds.Text, true), new("class", "申请类别", "Class applied for", MatterFieldKinds.Text, true), Summary],
            20, "高层次人才认定证书", "Certificate of High-Level Talent", 3),
        new("IP-001", ServiceCategories.CopyrightIp, "作品著作权登记", "Copyright registration of a work", "区版权工作站", "District Copyright Office",
            "作品已完成创作；申请人为著作权人或其授权代理人。", "The work is complete; the applicant holds its copyright or is authorised by whoever does.",
            [Licence, new("sample", "作品样本", "A sample of the work", true), Authorisation],
            [new("work", "作品名称", "Title of the work", MatterFieldKinds.Text, true), new("kind", "作品类别", "Kind of work", MatterFieldKinds.Text, true),
             new("completed", "创作完成日期", "Completed on", MatterFieldKinds.Date, true), new("published", "首次发表日期", "First published on", MatterFieldKinds.Date, false)],
            30, "作品登记证书", "Certificate of Copyright Registration", null),
        new("IP-002", ServiceCategories.CopyrightIp, "计算机软件著作权登记", "Software copyright registration", "区版权工作站", "District Copyright Office",
            "软件已开发完成；申请人为著作权人。", "The software is complete; the applicant holds its copyright.",
            [Licence, new("source", "源程序及文档节选", "Extracts of the source code and documentation", true)],
            [new("software", "软件全称", "Full name of the software", MatterFieldKinds.Text, true), new("version", "版本号", "Version", MatterFieldKinds.Text, true),
             new("completed", "开发完成日期", "Completed on", MatterFieldKinds.Date, true)],
            30, "计算机软件著作权登记证书", "Certificate of Software Copyright Registration", null),
        new("IP-003", ServiceCategories.CopyrightIp, "知识产权质押融资推荐", "Recommendation for IP-backed financing", "区知识产权局", "District Intellectual Property Office",
            "拥有有效的专利、商标或著作权。", "Holding a valid patent, trademark or copyright.",
            [new("rights", "权利证书", "Certificates of the rights", true), new("valuation", "评估报告", "Valuation report", false)],
            [new("amount", "拟融资金额（元）", "Financing sought (yuan)", MatterFieldKinds.Number, true), Summary],
            10, null, null, null),
        new("EP-001", ServiceCategories.EventPermits, "营业性演出审批", "Approval of a commercial performance", "区文化和旅游局", "District Culture and Tourism Bureau",
            "演出场所符合安全条件；演员及节目内容符合规定。", "A venue that meets the safety conditions, and performers and programme within the rules.",
            [Licence, new("programme", "节目单及演员名单", "Programme and list of performers", true), new("venue", "场地使用协议", "Agreement with the venue", true)],
            [new("title", "演出名称", "Title of the performance", MatterFieldKinds.Text, true), new("date", "演出日期", "Date of the performance", MatterFieldKinds.Date, true),
             new("audience", "预计观众人数", "Expected audience", MatterFieldKinds.Number, true)],
            10, "营业性演出准予许可决定书", "Commercial Performance Permit", 1),
        new("EP-002", ServiceCategories.EventPermits, "大型群众性活动安全许可", "Safety permit for a large public event", "区公安分局", "District Public Security Bureau",
            "预计参加人数 1,000 人以上；有安全工作方案和应急预案。",
            "An event expecting 1,000 people or more, with a safety plan and an emergency plan.",
            [new("safety-plan", "安全工作方案", "Safety plan", true), new("emergency-plan", "应急预案", "Emergency plan", true), Licence],
            [new("event", "活动名称", "Name of the event", MatterFieldKinds.Text, true), new("date", "活动日期", "Date", MatterFieldKinds.Date, true),
             new("people", "预计人数", "Expected people", MatterFieldKinds.Number, true), new("place", "活动地点", "Place", MatterFieldKinds.Text, true)],
            7, "大型群众性活动安全许可决定书", "Large Public Event Safety Permit", 1),
        new("EP-003", ServiceCategories.EventPermits, "户外广告设施设置许可", "Permit for outdoor advertising", "区城市管理局", "District Urban Management Bureau",
            "设置位置符合户外广告设置规划。", "A location allowed by the plan for outdoor advertising.",
            [new("drawing", "设计效果图", "Design drawing", true), new("consent", "产权人同意书", "The owner's consent", true)],
            [new("place", "设置地点", "Location", MatterFieldKinds.Text, true), new("size", "面积（平方米）", "Size (m²)", MatterFieldKinds.Number, true)],
            10, "户外广告设置许可证", "Outdoor Advertising Permit", 1),
    ];

    public static Matter Create(Template t, DateTime now)
    {
        var matter = new Matter
        {
            Code = t.Code, Category = t.Category, TitleZh = t.TitleZh, TitleEn = t.TitleEn, DepartmentZh = t.DepartmentZh, DepartmentEn = t.DepartmentEn,
            ConditionsZh = t.ConditionsZh, ConditionsEn = t.ConditionsEn, LegalDays = t.LegalDays,
            CertificateTitleZh = t.CertificateZh, CertificateTitleEn = t.CertificateEn, CertificateValidYears = t.ValidYears,
            Published = true, CreatedAt = now, UpdatedAt = now,
        };
        matter.Describe(t.Materials, t.Fields);
        return matter;
    }
}
