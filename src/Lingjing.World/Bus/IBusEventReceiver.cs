using Lingjing.World.Bus.Wire;

namespace Lingjing.World.Bus;

/// <summary>Takes events from the bus. May be called on any thread; must not block.</summary>
public interface IBusEventReceiver
{
    void Receive(BusEvent message);
}
