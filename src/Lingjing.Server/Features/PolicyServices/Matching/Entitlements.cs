using System.Text.Json;
using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>The entitlement a no-application policy grants an eligible enterprise, with the rule's
/// explanation as its audit record and a timeline entry.</summary>
internal static class Entitlements
{
    public static (PolicyApplication Entitlement, ApplicationEvent Event) Grant(
        Policy policy, PolicyRule rule, EnterpriseProfile profile, RuleVocabulary vocabulary, DateTime now)
    {
        var explanation = new RuleEvaluator(vocabulary).Explain(rule, profile);
        var entitlement = new PolicyApplication
        {
            Id = Guid.NewGuid(),
            PolicyId = policy.Id,
            EnterpriseId = profile.Id,
            Status = ApplicationStatus.Approved,
            Automatic = true,
            ProfileSnapshot = JsonSerializer.Serialize(ProfileSummary.Of(profile, vocabulary)),
            RuleAudit = JsonSerializer.Serialize(new RuleAudit(policy.Rule, now, explanation)),
            AmountYuan = new BenefitCalculator(vocabulary).Amount(policy, profile),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var entry = new ApplicationEvent
        {
            Id = Guid.NewGuid(),
            ApplicationId = entitlement.Id,
            Status = ApplicationStatus.Approved,
            At = now,
            ActorName = "Lingjing",
            Note = "Granted without application (免申即享): every clause of the eligibility rule held.",
        };
        return (entitlement, entry);
    }
}
