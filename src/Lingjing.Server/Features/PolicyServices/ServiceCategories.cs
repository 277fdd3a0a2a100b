namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The categories of the government's services: each matter of the catalogue belongs to one, and the service
/// hall has a desk for each.</summary>
public static class ServiceCategories
{
    public const string EnterpriseServices = "enterprise-services";
    public const string PolicyConsultation = "policy-consultation";
    public const string Talent = "talent";
    public const string CopyrightIp = "copyright-ip";
    public const string EventPermits = "event-permits";

    public static readonly IReadOnlyList<string> All = [EnterpriseServices, PolicyConsultation, Talent, CopyrightIp, EventPermits];

    public static (string Zh, string En) Name(string category) => category switch
    {
        EnterpriseServices => ("企业服务", "Enterprise services"),
        PolicyConsultation => ("政策咨询", "Policy consultation"),
        Talent => ("人才服务", "Talent services"),
        CopyrightIp => ("版权与知识产权", "Copyright and IP"),
        EventPermits => ("活动审批", "Event permits"),
        _ => (category, category),
    };
}
