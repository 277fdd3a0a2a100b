using Lingjing.Server.Features.Notifications;

namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>What reviewers and enterprises are told about declared changes.</summary>
internal static class FactMessages
{
    private static (string En, string Zh) Name(string fact) => fact switch
    {
        DecidingFacts.Employees => ("employees", "员工人数"),
        DecidingFacts.Tags => ("tags", "资质标签"),
        _ => (fact, fact),
    };

    public static NotificationMessage Declared(FactChange change, string enterpriseEn, string enterpriseZh)
    {
        var (en, zh) = Name(change.Fact);
        var value = DecidingFacts.Display(change.Fact, change.NewValue);
        return new NotificationMessage("fact-change",
            $"To review: {enterpriseEn} declares {en} {value}", $"待审核：{enterpriseZh}申报{zh}为 {value}",
            $"{enterpriseEn} declares {en}: {DecidingFacts.Display(change.Fact, change.OldValue)} → {value}. Policies keep using the verified value until you approve it.",
            $"{enterpriseZh}申报{zh}：{DecidingFacts.Display(change.Fact, change.OldValue)} → {value}。审核通过前，政策匹配仍使用已核实的数值。",
            "/park/facts", $"fact-change:{change.Id}:declared");
    }

    /// <summary>To the enterprise: its declaration was approved or rejected (with the reason).</summary>
    public static NotificationMessage DecidedForEnterprise(FactChange change)
    {
        var (en, zh) = Name(change.Fact);
        var value = DecidingFacts.Display(change.Fact, change.NewValue);
        var approved = change.Status == FactChangeStatus.Approved;
        return new NotificationMessage("fact-change",
            approved ? $"Approved: {en} is now {value}" : $"Not approved: {en} {value}",
            approved ? $"已核实：{zh}更新为 {value}" : $"未通过审核：{zh} {value}",
            approved
                ? $"{change.DecidedByName} verified your declared {en} ({value}); policies now use it."
                : $"{change.DecidedByName} did not approve your declared {en} ({value}). Reason: {change.Reason}",
            approved ? $"{change.DecidedByName}已核实贵企业申报的{zh}（{value}），政策匹配已使用新数值。" : $"{change.DecidedByName}未通过贵企业申报的{zh}（{value}）。原因：{change.Reason}",
            "/enterprise", $"fact-change:{change.Id}:{change.Status}");
    }

    /// <summary>To the park's operators: a declaration of one of their enterprises was decided.</summary>
    public static NotificationMessage DecidedForPark(FactChange change, string enterpriseEn, string enterpriseZh)
    {
        var (en, zh) = Name(change.Fact);
        var value = DecidingFacts.Display(change.Fact, change.NewValue);
        var approved = change.Status == FactChangeStatus.Approved;
        return new NotificationMessage("fact-change",
            $"{(approved ? "Approved" : "Rejected")}: {enterpriseEn} {en} {value}", $"{(approved ? "已核实" : "已驳回")}：{enterpriseZh}{zh} {value}",
            approved ? $"{change.DecidedByName} approved it." : $"{change.DecidedByName} rejected it: {change.Reason}",
            approved ? $"{change.DecidedByName}已核实。" : $"{change.DecidedByName}已驳回：{change.Reason}",
            "/park/facts?status=" + change.Status, $"fact-change:{change.Id}:{change.Status}");
    }
}
