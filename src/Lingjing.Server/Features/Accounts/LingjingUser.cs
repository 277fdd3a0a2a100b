using Microsoft.AspNetCore.Identity;

namespace Lingjing.Server.Features.Accounts;

/// <summary>A person who signs in. Scope (which park or enterprise they act for) sits on the user;
/// what they may do comes from their roles (<see cref="Roles"/>).</summary>
public sealed class LingjingUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    /// <summary>The park a <see cref="Roles.ParkOperator"/> operates.</summary>
    public int? ParkId { get; set; }
    /// <summary>The enterprise an enterprise administrator, member or employee belongs to.</summary>
    public int? EnterpriseId { get; set; }
    /// <summary>The service institution an <see cref="Roles.InstitutionStaff"/> person works for.</summary>
    public int? InstitutionId { get; set; }
    public string JobTitle { get; set; } = "";
    /// <summary>"en" or "zh-Hans"; empty means the browser decides.</summary>
    public string PreferredCulture { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
