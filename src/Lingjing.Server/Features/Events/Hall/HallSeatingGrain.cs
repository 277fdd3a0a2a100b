using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Events.Hall;

/// <summary>The seats of one event's hall (key: the event id), in one place for the whole cluster so that two nodes
/// never fill the same instance past its size. Held in memory: after its node dies, the nodes' reports of who is where
/// give it back within a report's interval.</summary>
public interface IHallSeatingGrain : IGrainWithIntegerKey
{
    /// <summary>See <see cref="HallSeating.Place"/>.</summary>
    Task<int?> PlaceAsync(Guid userId, string group, int? wanted);

    /// <summary>A node's report of the people it holds in one instance (see <see cref="HallSeating.Seen"/>).</summary>
    Task SeenAsync(int instance, IReadOnlyList<Guid> present);

    Task<int?> InstanceOfAsync(Guid userId);

    Task<IReadOnlyList<HallInstanceView>> InstancesAsync(string group);
}

public sealed class HallSeatingGrain(IOptions<EventOptions> options, TimeProvider time) : Grain, IHallSeatingGrain
{
    private readonly HallSeating _seating = new(options.Value.HallInstanceSize);

    public Task<int?> PlaceAsync(Guid userId, string group, int? wanted) =>
        Task.FromResult(_seating.Place(userId, group, wanted, time.GetUtcNow()));

    public Task SeenAsync(int instance, IReadOnlyList<Guid> present)
    {
        _seating.Seen(instance, present, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<int?> InstanceOfAsync(Guid userId) => Task.FromResult(_seating.InstanceOf(userId, time.GetUtcNow()));

    public Task<IReadOnlyList<HallInstanceView>> InstancesAsync(string group) =>
        Task.FromResult(_seating.Instances(group, time.GetUtcNow()));
}
