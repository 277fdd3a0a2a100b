using Lingjing.World.Protocol;

namespace Lingjing.World.Tests.Support;

/// <summary>
/// A minimal client that applies server frames exactly as docs/protocol.md tells client authors to:
/// a CellBatch replaces its cell, removed_cells are forgotten, a full snapshot replaces everything.
/// </summary>
public sealed class ClientMirror
{
    private readonly Dictionary<(uint X, uint Z), List<AvatarState>> _cells = new();

    public Dictionary<uint, AvatarProfile> Profiles { get; } = new();
    public uint LastAck { get; private set; }
    public int SnapshotsApplied { get; private set; }

    public IReadOnlyDictionary<uint, AvatarState> Avatars =>
        _cells.Values.SelectMany(c => c).GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.Last());

    public void Apply(ServerFrame frame)
    {
        switch (frame.BodyCase)
        {
            case ServerFrame.BodyOneofCase.Snapshot:
                ApplySnapshot(frame.Snapshot);
                break;
            case ServerFrame.BodyOneofCase.AvatarsJoined:
                foreach (var profile in frame.AvatarsJoined.Avatars) Profiles[profile.Id] = profile;
                break;
            case ServerFrame.BodyOneofCase.AvatarsLeft:
                foreach (var id in frame.AvatarsLeft.AvatarIds) Profiles.Remove(id);
                break;
        }
    }

    private void ApplySnapshot(Snapshot snapshot)
    {
        SnapshotsApplied++;
        LastAck = snapshot.AckInputSeq;
        if (snapshot.Full) _cells.Clear();
        foreach (var removed in snapshot.RemovedCells) _cells.Remove((removed.X, removed.Z));
        var replaced = new HashSet<(uint, uint)>();
        foreach (var batch in snapshot.Cells)
        {
            var key = (batch.CellX, batch.CellZ);
            if (replaced.Add(key)) _cells[key] = new List<AvatarState>();
            _cells[key].AddRange(batch.Avatars);
        }
    }
}
