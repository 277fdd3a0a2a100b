using Lingjing.World.Grid;

namespace Lingjing.Server.Features.World.Cluster;

/// <summary>The cells where each other node has avatars, per world: what to empty when that node dies. Thread-safe.</summary>
internal sealed class RemoteCells
{
    private readonly object gate = new();
    private readonly Dictionary<string, HashSet<(string WorldId, GridCell Cell)>> byNode = new(StringComparer.Ordinal);

    public void Track(string worldId, string node, GridCell cell, bool empty)
    {
        lock (gate)
        {
            if (!byNode.TryGetValue(node, out var cells)) byNode[node] = cells = [];
            if (empty) cells.Remove((worldId, cell));
            else cells.Add((worldId, cell));
        }
    }

    public IReadOnlyCollection<(string WorldId, GridCell Cell)> Forget(string node)
    {
        lock (gate) return byNode.Remove(node, out var cells) ? cells : [];
    }
}
