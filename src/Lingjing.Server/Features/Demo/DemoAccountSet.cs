using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Lingjing.Server.Features.Demo;

/// <summary>The demo accounts with their role assignments, ready to be bulk-written.</summary>
public sealed record DemoAccountSet(IReadOnlyList<LingjingUser> Users, IReadOnlyList<IdentityUserRole<Guid>> UserRoles);
