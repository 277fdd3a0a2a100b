using System.Collections.Concurrent;
using Lingjing.World.Bus;
using Lingjing.World.Bus.Wire;
using Lingjing.World.Protocol;

namespace Lingjing.World;

/// <summary>
/// A stage shared with other worlds (<see cref="WorldDefinition.SharedStage"/>: the instances of an event's hall). This
/// world publishes the amplified avatars it holds on the stage's channel whenever they move and at every keyframe, and
/// shows the ones every other world of the channel publishes, in the cells where they stand, as if they were here: its
/// people see them, receive their media from the shared forwarder room, and hear them whatever the distance.
/// </summary>
public sealed partial class VirtualWorld
{
    /// <summary>Another world's stage is forgotten when it has said nothing for this many keyframes (it closed, its node died).</summary>
    private const int StageSilentKeyframes = 3;

    private readonly ConcurrentQueue<BusEvent> _stageInbox = new();
    private readonly IDisposable? _stageSubscription;
    private readonly Dictionary<string, ShownStage> _stages = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, AvatarProfile> _stageProfiles = new();
    // Cells marked in PublishedCells.Stage now; and cells where this world's amplified avatars held by other nodes stand.
    private readonly List<int> _stageCells = new();
    private readonly Dictionary<string, (HashSet<int> Cells, uint HeardAtTick)> _stageElsewhere = new(StringComparer.Ordinal);
    private bool _stageShown;

    /// <summary>The avatars of other worlds' stages shown here now (tick thread, or as an estimate).</summary>
    public int StagePopulation => Volatile.Read(ref _stagePopulation);
    private int _stagePopulation;

    /// <summary>What one world on one node last showed: its avatars and the cells they are in here.</summary>
    private sealed class ShownStage(string origin)
    {
        public string Origin { get; } = origin;
        public HashSet<uint> Ids { get; set; } = [];
        public HashSet<int> Cells { get; set; } = [];
        public uint HeardAtTick { get; set; }
    }

    private IDisposable? SubscribeStage() => Definition.SharedStage is { } channel
        ? _bus.SubscribeEvents(channel, new StageInbox(_stageInbox, Definition.Id, _options.NodeId))
        : null;

    /// <summary>Publishes this node's amplified avatars of this world on the shared stage, when they moved, at a
    /// keyframe, or once when the last of them left it. Before <see cref="PublishCells"/>, which clears what moved.</summary>
    private void ShowStage()
    {
        if (Definition.SharedStage is not { } channel) return;
        var keyframe = _tick % (uint)_options.KeyframeTicks == 0;
        var moved = false;
        foreach (var avatar in _amplifiedAvatars) moved |= _local.DirtyCells.Contains(avatar.CellIndex);
        var any = _amplifiedAvatars.Count > 0;
        if (!(any && (moved || keyframe)) && !(_stageShown && !any)) return;
        var shown = new StageShown { WorldId = Id };
        foreach (var avatar in _amplifiedAvatars)
        {
            shown.Avatars.Add(avatar.RefreshWire().Clone());
            shown.Profiles.Add(avatar.Profile);
        }
        _stageShown = any;
        _bus.Publish(new BusEvent { WorldId = channel, Origin = _options.NodeId, Stage = shown });
    }

    /// <summary>Takes in what the other worlds of the shared stage showed, and forgets those silent too long.</summary>
    private void DrainStage()
    {
        if (_stageSubscription is null) return;
        while (_stageInbox.TryDequeue(out var message))
        {
            if (message.Stage.WorldId == Id) NoteStageElsewhere(message.Origin, message.Stage);
            else Apply(message.Origin, message.Stage);
        }
        if (_tick % (uint)_options.KeyframeTicks == 0)
        {
            var silentFor = (uint)(_options.KeyframeTicks * StageSilentKeyframes);
            foreach (var (key, stage) in _stages.Where(s => _tick - s.Value.HeardAtTick > silentFor).ToList())
            {
                Apply(stage, new StageShown());
                _stages.Remove(key);
            }
            foreach (var node in _stageElsewhere.Where(s => _tick - s.Value.HeardAtTick > silentFor).Select(s => s.Key).ToList())
                _stageElsewhere.Remove(node);
        }
        Volatile.Write(ref _stagePopulation, _stageProfiles.Count);
    }

    private void Apply(string node, StageShown shown)
    {
        var key = shown.WorldId + "@" + node;
        if (!_stages.TryGetValue(key, out var stage)) _stages[key] = stage = new ShownStage("stage:" + key);
        stage.HeardAtTick = _tick;
        Apply(stage, shown);
    }

    /// <summary>Puts one world's stage avatars in their cells here (a part of each cell of its own) and says goodbye to
    /// those no longer on it.</summary>
    private void Apply(ShownStage stage, StageShown shown)
    {
        var ids = new HashSet<uint>();
        var byCell = new Dictionary<int, List<AvatarState>>();
        for (var i = 0; i < shown.Avatars.Count; i++)
        {
            var state = shown.Avatars[i];
            // Someone connected here too (a second tab) is shown by this world itself.
            if (_avatars.ContainsKey(state.Id) || _remote.ContainsKey(state.Id)) continue;
            var cell = Grid.CellOf(state.X, state.Z);
            if (!Grid.Contains(cell)) continue;
            var index = Grid.IndexOf(cell);
            if (!byCell.TryGetValue(index, out var states)) byCell[index] = states = [];
            states.Add(state);
            ids.Add(state.Id);
            if (i < shown.Profiles.Count) _stageProfiles[state.Id] = shown.Profiles[i];
        }
        foreach (var (index, states) in byCell)
            _published.Apply(index, stage.Origin, _encoder.Encode(Grid.CellAt(index), states), states.Select(s => s.Id).ToArray());
        foreach (var index in stage.Cells)
            if (!byCell.ContainsKey(index)) _published.Apply(index, stage.Origin, ReadOnlyMemory<byte>.Empty, []);
        foreach (var id in stage.Ids)
        {
            if (ids.Contains(id)) continue;
            _stageProfiles.Remove(id);
            _leftThisTick.Add(id);
        }
        stage.Ids = ids;
        stage.Cells = byCell.Keys.ToHashSet();
    }

    /// <summary>This world's amplified avatars held by another node (it shows them through the world's own cells): only
    /// where they stand is kept, so that their cells are sent at full rate here too.</summary>
    private void NoteStageElsewhere(string node, StageShown shown)
    {
        var cells = new HashSet<int>();
        foreach (var state in shown.Avatars)
            if (Grid.CellOf(state.X, state.Z) is var cell && Grid.Contains(cell)) cells.Add(Grid.IndexOf(cell));
        _stageElsewhere[node] = (cells, _tick);
    }

    /// <summary>Marks the cells where anyone amplified stands, here or shown from elsewhere, before snapshots are composed.</summary>
    private void MarkStageCells()
    {
        var marks = _published.Stage;
        foreach (var index in _stageCells) marks[index] = false;
        _stageCells.Clear();
        foreach (var avatar in _amplifiedAvatars) Mark(avatar.CellIndex);
        foreach (var stage in _stages.Values)
            foreach (var index in stage.Cells) Mark(index);
        foreach (var (cells, _) in _stageElsewhere.Values)
            foreach (var index in cells) Mark(index);

        void Mark(int index)
        {
            if (index < 0 || marks[index]) return;
            marks[index] = true;
            _stageCells.Add(index);
        }
    }

    /// <summary>Whether the avatar is on another world's stage shown here (heard by everyone, through the shared room).</summary>
    private bool OnSharedStage(uint avatarId) => _stageProfiles.ContainsKey(avatarId);

    /// <summary>Queues what the stage's channel carries but this node's own messages about this world, which come back.</summary>
    private sealed class StageInbox(ConcurrentQueue<BusEvent> queue, string worldId, string nodeId) : IBusEventReceiver
    {
        public void Receive(BusEvent message)
        {
            if (message.BodyCase == BusEvent.BodyOneofCase.Stage && (message.Stage.WorldId != worldId || message.Origin != nodeId)) queue.Enqueue(message);
        }
    }
}
