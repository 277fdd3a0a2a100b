using System.Security.Claims;
using Lingjing.World;

namespace Lingjing.Server.Features.World;

/// <summary>
/// A feature with worlds of its own (an event's hall): the world host asks it for a world's shape when someone enters
/// one of its ids, admission asks it whom it admits, and the world page at <c>/world/{Name}/{key}</c> asks it for the
/// page. Its worlds admit no guests: only the ids in <see cref="OpenToAsync"/>.
/// </summary>
public interface IWorldSource
{
    /// <summary>The first segment of its pages' addresses, <c>/world/{Name}/{key}</c>.</summary>
    string Name { get; }

    /// <summary>Whether a realtime world id is one of this source's.</summary>
    bool Owns(string worldId);

    /// <summary>The world's shape, or null when there is no such world (any more).</summary>
    Task<WorldDefinition?> DefineAsync(string worldId, CancellationToken ct);

    /// <summary>The world ids of this source the user may enter now.</summary>
    Task<IReadOnlySet<string>> OpenToAsync(Guid userId, ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The page the world's top bar (and a refusal) leads back to, and its button's text (English, localized by the page).</summary>
    (string Url, string Text) Back(string key);

    /// <summary>The page of <c>/world/{Name}/{key}</c> for this person: its title and scene, or why they cannot enter.</summary>
    Task<Outcome<WorldEntrance>> EnterAsync(string key, ClaimsPrincipal user, CancellationToken ct);
}

/// <param name="SceneUrl">Where the browser reads the <see cref="WorldScene"/>.</param>
/// <param name="Data">More <c>data-</c> attributes for the browser's world code (the hall's API), by name without the prefix.</param>
public sealed record WorldEntrance(string Title, string SceneUrl, IReadOnlyDictionary<string, string> Data);
