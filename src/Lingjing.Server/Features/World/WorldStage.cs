using Lingjing.Server.Features.World.Realtime;

namespace Lingjing.Server.Features.World;

/// <summary>Other features' hold on this node's copies of their worlds (an event's hall): who is heard by everyone
/// there (the stage: the worlds carry it out from their next keyframe), and how many people are in them.</summary>
public sealed class WorldStage(WorldHost host)
{
    /// <summary>The ids of the worlds this node runs now that <paramref name="match"/> selects.</summary>
    public IReadOnlyList<string> Running(Func<string, bool> match) =>
        host.Node.Worlds.Select(w => w.Id).Where(match).ToList();

    /// <summary>This node's id in the cluster (the process's, alone).</summary>
    public string NodeId => host.Node.Options.NodeId;

    /// <summary>The people connected to this node in the world (0 when it does not run it).</summary>
    public int Population(string worldId) => host.Node.FindWorld(worldId)?.Population ?? 0;

    /// <summary>The users connected to this node in the world (none when it does not run it).</summary>
    public IReadOnlyCollection<string> People(string worldId) => host.Node.FindWorld(worldId)?.UserIds ?? [];

    /// <summary>Exactly these users amplified in the world, if this node runs it.</summary>
    public void Amplify(string worldId, IReadOnlyCollection<string> userIds) => host.Node.FindWorld(worldId)?.Amplify(userIds);
}
