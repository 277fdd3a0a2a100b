namespace Lingjing.Server.Features.Bookings;

/// <summary>A weekly booking quota to enforce with an insert: at most <paramref name="Limit"/>
/// bookings of the space by the enterprise that start within the week (UTC bounds).</summary>
public sealed record EnterpriseQuota(int EnterpriseId, int Limit, (DateTime From, DateTime To) Week);
