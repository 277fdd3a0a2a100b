using System.Globalization;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Tells newly eligible enterprises about a policy: one notification per person and policy
/// (dedup key <c>policy:{id}</c>), however often the policy is rematched.</summary>
public sealed class PolicyPush(Notifier notifier, LingjingDbContext db)
{
    public async Task<int> NewlyEligibleAsync(Policy policy, IReadOnlyList<int> enterpriseIds, CancellationToken ct)
    {
        if (enterpriseIds.Count == 0 || policy.Status != PolicyStatus.Published) return 0;
        // Only enterprises with accounts can be told; asking about the others would cost a statement per 500 ids for nothing.
        var withAccounts = (await db.Users.Where(u => u.EnterpriseId != null).Select(u => u.EnterpriseId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var recipients = enterpriseIds.Where(withAccounts.Contains).ToList();
        if (recipients.Count == 0) return 0;
        var automatic = policy.Mode == PolicyModes.Automatic;
        var amount = policy.BenefitAmountYuan is { } yuan ? yuan.ToString("#,0", CultureInfo.InvariantCulture) + " yuan" : null;
        var message = new NotificationMessage(
            Kind: "policy",
            Title: automatic ? $"Granted without application: {policy.TitleEn}" : $"You qualify: {policy.TitleEn}",
            TitleZh: automatic ? $"免申即享：{policy.TitleZh}" : $"您符合政策条件：{policy.TitleZh}",
            Body: automatic
                ? $"Your enterprise meets every condition of this policy and has been granted it without applying{(amount is null ? "" : $" ({amount})")}."
                : $"Your enterprise meets every condition of this policy{(amount is null ? "" : $" (benefit {amount})")}. Open it to see why and to apply.",
            BodyZh: automatic
                ? "贵企业符合该政策全部条件，已免申请直接享受。"
                : "贵企业符合该政策全部条件，点击查看符合原因并在线申报。",
            Link: $"/enterprise/policies/{policy.Id}",
            DedupKey: $"policy:{policy.Id}");
        return await notifier.NotifyEnterprisesAsync(recipients, message, ct);
    }
}
