using System.Buffers;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>A growable array of points rented from the shared pool; the writer returns it after commit.</summary>
internal struct PointBuffer
{
    private TelemetryPoint[] items;

    public PointBuffer(int capacity)
    {
        items = ArrayPool<TelemetryPoint>.Shared.Rent(Math.Max(16, capacity));
        Count = 0;
    }

    public int Count { get; private set; }
    public readonly TelemetryPoint[] Items => items;

    public void Add(TelemetryPoint point)
    {
        if (Count == items.Length)
        {
            var bigger = ArrayPool<TelemetryPoint>.Shared.Rent(items.Length * 2);
            Array.Copy(items, bigger, Count);
            ArrayPool<TelemetryPoint>.Shared.Return(items);
            items = bigger;
        }
        items[Count++] = point;
    }

    public readonly void Return() => ArrayPool<TelemetryPoint>.Shared.Return(items);
}
