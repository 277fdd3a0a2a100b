using System.Buffers;
using Google.Protobuf;
using Lingjing.World.Grid;
using Lingjing.World.Protocol;
using Lingjing.World.Sessions;

namespace Lingjing.World.Encoding;

/// <summary>
/// Builds each client's snapshot frame from the shared cell fragments: a small per-client header
/// followed by the visible cells' bytes, copied, never re-encoded. Tick thread only.
/// </summary>
internal sealed class SnapshotComposer
{
    private readonly WorldGrid _grid;
    private readonly ViewPattern _pattern;
    private readonly PublishedCells _cells;
    private readonly WorldOptions _options;
    private readonly Func<uint, AvatarProfile?> _profileOf;
    private readonly Snapshot _header = new();
    private readonly List<(int Index, CellSlot Slot)> _included = new();
    private readonly List<int> _gone = new();
    private readonly AvatarsJoined _joined = new();

    public SnapshotComposer(WorldGrid grid, ViewPattern pattern, PublishedCells cells, WorldOptions options,
        Func<uint, AvatarProfile?> profileOf)
    {
        _grid = grid;
        _pattern = pattern;
        _cells = cells;
        _options = options;
        _profileOf = profileOf;
    }

    public void Compose(WorldSession session, Avatar me, uint tick, ulong serverTimeMs)
    {
        var view = session.View;
        // A snapshot still waiting in the queue will be replaced: its deltas are lost, so resend everything.
        var full = !_options.InterestManagement || view.NeedsFull || session.Outbox.HasQueuedSnapshot;
        _included.Clear();
        _header.RemovedCells.Clear();
        _joined.Avatars.Clear();

        if (full) CollectFull(view, tick);
        else CollectDelta(view, session.Id, tick);

        view.CellChanged = false;
        view.NeedsFull = false;
        if (!full && _included.Count == 0 && _header.RemovedCells.Count == 0 && me.AckedInputSeq == view.LastAckSent)
            return;
        view.LastAckSent = me.AckedInputSeq;

        if (_joined.Avatars.Count > 0) session.Send(ServerFrames.Of(_joined));

        _header.Tick = tick;
        _header.ServerTimeMs = serverTimeMs;
        _header.AckInputSeq = me.AckedInputSeq;
        _header.Full = full;
        var headerSize = _header.CalculateSize();
        var length = headerSize;
        foreach (var (_, slot) in _included) length += slot.Content.Length;
        var total = 1 + ProtoWire.VarintSize((uint)length) + length;
        var buffer = ArrayPool<byte>.Shared.Rent(total);
        var span = buffer.AsSpan(0, total);
        span[0] = ProtoWire.ServerFrameSnapshotTag;
        var offset = 1 + ProtoWire.WriteVarint(span[1..], (uint)length);
        _header.WriteTo(span.Slice(offset, headerSize));
        offset += headerSize;
        foreach (var (_, slot) in _included)
        {
            slot.Content.Span.CopyTo(span[offset..]);
            offset += slot.Content.Length;
        }
        _included.Clear();
        session.SendSnapshot(buffer, total);
    }

    private void CollectFull(SessionView view, uint tick)
    {
        if (!_options.InterestManagement)
        {
            foreach (var index in _cells.Occupied) Include(view, index, _cells[index]!, tick);
        }
        else
        {
            foreach (var offset in _pattern.OffsetArray)
            {
                var cell = new GridCell(view.Cell.X + offset.X, view.Cell.Z + offset.Z);
                if (!_grid.Contains(cell)) continue;
                var index = _grid.IndexOf(cell);
                if (_cells[index] is { } slot) Include(view, index, slot, tick);
            }
        }
        // Cells the client knew and that are not in this full snapshot are forgotten by the client.
        _gone.Clear();
        foreach (var (index, known) in view.KnownCells)
            if (known.Stamp != tick) _gone.Add(index);
        foreach (var index in _gone) view.KnownCells.Remove(index);
    }

    private void CollectDelta(SessionView view, long sessionId, uint tick)
    {
        if (view.CellChanged)
        {
            _gone.Clear();
            foreach (var index in view.KnownCells.Keys)
                if (!_pattern.Sees(view.Cell, _grid.CellAt(index))) _gone.Add(index);
            foreach (var index in _gone) Forget(view, index);
        }

        // Crowds: cells nearest first; once FullRateAvatars are covered, farther cells go out every Nth tick (but for a
        // stage, which everyone watches).
        var reducedTurn = (tick + sessionId) % _options.ReducedRateDivisor == 0;
        var covered = 0;
        var versions = _cells.Versions;
        var stage = _cells.Stage;
        var counts = _cells.Counts;
        var known = view.KnownCells;
        int cx = view.Cell.X, cz = view.Cell.Z, width = _grid.CellsX, height = _grid.CellsZ;
        foreach (var offset in _pattern.OffsetArray)
        {
            int x = cx + offset.X, z = cz + offset.Z;
            if ((uint)x >= (uint)width || (uint)z >= (uint)height) continue;
            var index = z * width + x;
            var version = versions[index];
            if (version == 0)
            {
                if (known.Count > 0 && known.ContainsKey(index)) Forget(view, index);
                continue;
            }
            var reduced = covered >= _options.FullRateAvatars && !stage[index];
            covered += counts[index];
            if (known.TryGetValue(index, out var seen) && seen.Version == version) continue;
            if (reduced && !reducedTurn) continue;
            Include(view, index, _cells[index]!, tick);
        }
    }

    private void Forget(SessionView view, int index)
    {
        view.KnownCells.Remove(index);
        var cell = _grid.CellAt(index);
        _header.RemovedCells.Add(new CellCoord { X = (uint)cell.X, Z = (uint)cell.Z });
    }

    private void Include(SessionView view, int index, CellSlot slot, uint tick)
    {
        var isKnown = view.KnownCells.TryGetValue(index, out var known);
        if (!isKnown || known.MembershipVersion != slot.MembershipVersion)
        {
            var ids = slot.AvatarIds;
            for (var i = 0; i < ids.Count; i++)
                if (view.KnownAvatars.Add(ids[i]) && _profileOf(ids[i]) is { } profile) _joined.Avatars.Add(profile);
        }
        view.KnownCells[index] = new SessionView.KnownCell(slot.Version, slot.MembershipVersion, tick);
        _included.Add((index, slot));
    }
}
