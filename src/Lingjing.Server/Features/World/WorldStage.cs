using Lingjing.Server.Features.World.Realtime;

namespace Lingjing.Server.Features.World;

/// <summary>Who is heard by everyone in this node's copies of some worlds (an event hall's stage): other features
/// amplify people here, the worlds carry it out from their next keyframe.</summary>
public sealed class WorldStage(WorldHost host)
{
    /// <summary>The ids of the worlds this node runs now that <paramref name="match"/> selects.</summary>
    public IReadOnlyList<string> Running(Func<string, bool> match) =>
        host.Node.Worlds.Select(w => w.Id).Where(match).ToList();

    /// <summary>Exactly these users amplified in the world, if this node runs it.</summary>
    public void Amplify(string worldId, IReadOnlyCollection<string> userIds) => host.Node.FindWorld(worldId)?.Amplify(userIds);
}
