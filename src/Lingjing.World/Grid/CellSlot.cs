namespace Lingjing.World.Grid;

/// <summary>What every node published for one cell, combined into the bytes clients receive.</summary>
internal sealed class CellSlot
{
    private readonly List<(string Origin, ReadOnlyMemory<byte> Fragment, IReadOnlyList<uint> Ids)> _parts = new(1);

    /// <summary>Changes whenever Content changes; viewers compare it with what they were sent.</summary>
    public int Version { get; private set; }

    /// <summary>Changes whenever the set of avatars in the cell changes (who joins a viewer's sight).</summary>
    public int MembershipVersion { get; private set; }

    public ReadOnlyMemory<byte> Content { get; private set; }
    public IReadOnlyList<uint> AvatarIds { get; private set; } = [];
    public bool IsEmpty => _parts.Count == 0;

    /// <summary>Replaces one origin's part. Returns true when the combined content changed.</summary>
    public bool Apply(string origin, ReadOnlyMemory<byte> fragment, IReadOnlyList<uint> ids, ref int versionCounter)
    {
        var index = _parts.FindIndex(p => p.Origin == origin);
        var membershipChanged = false;
        if (index >= 0)
        {
            var old = _parts[index];
            if (old.Fragment.Span.SequenceEqual(fragment.Span)) return false;
            membershipChanged = !old.Ids.SequenceEqual(ids);
            if (fragment.IsEmpty) _parts.RemoveAt(index);
            else _parts[index] = (origin, fragment, ids);
        }
        else
        {
            if (fragment.IsEmpty) return false;
            _parts.Add((origin, fragment, ids));
            membershipChanged = true;
        }
        Recombine();
        Version = ++versionCounter;
        if (membershipChanged) MembershipVersion = Version;
        return true;
    }

    private void Recombine()
    {
        if (_parts.Count == 1)
        {
            Content = _parts[0].Fragment;
            AvatarIds = _parts[0].Ids;
            return;
        }
        var bytes = new byte[_parts.Sum(p => p.Fragment.Length)];
        var ids = new List<uint>();
        var offset = 0;
        foreach (var part in _parts)
        {
            part.Fragment.CopyTo(bytes.AsMemory(offset));
            offset += part.Fragment.Length;
            ids.AddRange(part.Ids);
        }
        Content = bytes;
        AvatarIds = ids;
    }
}
