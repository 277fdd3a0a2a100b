using Lingjing.World.Protocol;

namespace Lingjing.World.Chat;

/// <summary>The most recent world-scope chat messages of one world, oldest first. Tick thread only.</summary>
internal sealed class ChatHistoryRing
{
    private readonly ChatMessage[] _ring;
    private int _next;
    private int _count;

    public ChatHistoryRing(int capacity) => _ring = new ChatMessage[Math.Max(0, capacity)];

    public int Count => _count;

    public void Add(ChatMessage message)
    {
        if (_ring.Length == 0) return;
        _ring[_next] = message;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    public bool Contains(ulong id) => Recent().Any(m => m.Id == id);

    public IEnumerable<ChatMessage> Recent()
    {
        var start = (_next - _count + _ring.Length) % Math.Max(1, _ring.Length);
        for (var i = 0; i < _count; i++) yield return _ring[(start + i) % _ring.Length];
    }
}
