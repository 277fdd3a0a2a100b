using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The benefit of a policy for one enterprise: the fixed amount, or the formula evaluated over
/// its profile, rounded to whole yuan and never negative (an unavailable value gives 0).</summary>
public sealed class BenefitCalculator(RuleVocabulary vocabulary)
{
    private readonly RuleEvaluator evaluator = new(vocabulary);

    public long? Amount(Policy policy, EnterpriseProfile profile)
    {
        if (string.IsNullOrWhiteSpace(policy.BenefitFormula)) return policy.BenefitAmountYuan;
        if (!PolicyRule.TryParse(policy.BenefitFormula, vocabulary, RuleType.Number, out var formula, out _)) return null;
        var amount = evaluator.Amount(formula!, profile);
        return double.IsNaN(amount) || double.IsInfinity(amount) ? 0 : (long)Math.Max(0, Math.Round(amount, MidpointRounding.AwayFromZero));
    }
}
