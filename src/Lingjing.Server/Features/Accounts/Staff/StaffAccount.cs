namespace Lingjing.Server.Features.Accounts.Staff;

/// <summary>An account as an administrator sees it in the staff account list.</summary>
public sealed record StaffAccount(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles,
    int? ParkId, int? EnterpriseId, bool Locked, DateTimeOffset? LockedUntil);


/// <summary>A password set by an administrator, shown to them once to hand over.</summary>
public sealed record TemporaryPassword(Guid Id, string Password);

public enum StaffActionResult { Done, NotFound, NotYourself }
