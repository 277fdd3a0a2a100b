using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>A draft rule evaluated against every enterprise: how many are eligible, a sample of them,
/// and how many each clause holds for; or where the rule is wrong.</summary>
public sealed record RulePreview(
    bool Valid, RuleError? Error, int Eligible, int Total, IReadOnlyList<EnterpriseSample> Sample, IReadOnlyList<ClauseCount> Clauses);

public sealed record EnterpriseSample(int Id, string NameZh, string NameEn, string ParkNameEn, string Category, int Employees, long? BenefitYuan);

public sealed record ClauseCount(string Clause, int Holds);
