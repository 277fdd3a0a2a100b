namespace Lingjing.Server.Features.PolicyServices.Applications;

/// <summary>Body of reject (<see cref="Reason"/>) and pay (<see cref="AmountYuan"/>, <see cref="PaidOn"/>, default today).</summary>
public sealed record ReviewDecision(string? Reason, long? AmountYuan, DateOnly? PaidOn, string? Note);
