using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;
using Lingjing.World;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>
/// The service hall as a world of the metaverse (<see cref="IWorldSource"/>), at <c>/world/service-hall/zone</c>: open to
/// every account at any time (outside the desks' hours the desks say when they open). Officials stand behind their
/// desk's counter; a visitor called walks up to it and they talk by voice, video and a shared screen.
/// </summary>
public sealed class ServiceHallWorldSource(ServiceHallService hall) : IWorldSource
{
    public string Name => "service-hall";

    public bool Owns(string worldId) => worldId == ServiceHallLayout.WorldId;

    public async Task<WorldDefinition?> DefineAsync(string worldId, CancellationToken ct) =>
        Owns(worldId) ? ServiceHallLayout.Definition((await hall.DesksAsync(ct)).Count) : null;

    public Task<IReadOnlySet<string>> OpenToAsync(Guid userId, ClaimsPrincipal user, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(StringComparer.Ordinal) { ServiceHallLayout.WorldId });

    public (string Url, string Text) Back(string key) => ("/service-hall", "Service hall");

    public Task<Outcome<WorldEntrance>> EnterAsync(string key, ClaimsPrincipal user, CancellationToken ct) =>
        Task.FromResult<Outcome<WorldEntrance>>(key != ServiceHallLayout.Key
            ? Failure.NotFound("There is no such service hall.")
            : new WorldEntrance(Components.Shared.Bilingual.Pick("政务服务大厅", "Government service hall"), "/api/v1/service-hall/scene",
                new Dictionary<string, string>
                {
                    ["service-hall-api"] = "/api/v1/service-hall",
                    ["service-hall-official"] = user.IsInRole(Roles.Government) ? "true" : "false",
                }));
}
