namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>What a rematch of one policy changed. <see cref="NewlyEligible"/> are the enterprises that
/// were not matched before (they are the ones notified).</summary>
public sealed record RematchOutcome(int PolicyId, int Eligible, IReadOnlyList<int> NewlyEligible, int NoLongerEligible, int EntitlementsCreated);
