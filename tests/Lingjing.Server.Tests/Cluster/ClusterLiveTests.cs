using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Collaboration;
using Lingjing.Server.Features.Collaboration.Conversations;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Twins.Alarms;
using Lingjing.Server.Infrastructure.Realtime;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>Live pages hear what happens on any node: a notification written through one node reaches the bell streams
/// of another, and every live message survives its trip between nodes as JSON.</summary>
public sealed class ClusterLiveTests
{
    [Fact]
    public async Task A_notification_written_on_one_node_reaches_the_live_subscribers_of_the_other()
    {
        await using var cluster = await ClusterNodesHarness.StartAsync(2);
        var user = await TestUsers.CreateAsync(cluster.Nodes[0], "listener@cluster.test", Roles.Employee);
        using var bell = cluster.Nodes[1].Service<LiveBroadcast<NotificationAudience>>().Subscribe();

        // The other node may not have listened to the topic yet (it listens once the broadcast exists): keep writing
        // until one arrives, as a person's next notification would.
        var heard = Task.Run(async () =>
        {
            while (await bell.Reader.WaitToReadAsync())
                if (bell.Reader.TryRead(out var audience) && audience.Users?.Contains(user.Id) == true) return audience;
            return null;
        });
        var sent = 0;
        while (!heard.IsCompleted && sent < 100)
        {
            await using var scope = cluster.Nodes[0].Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyUsersAsync([user.Id],
                new NotificationMessage("test.cluster", $"Hello {sent}", "你好", "From node 0", "来自节点 0"));
            sent++;
            await Task.WhenAny(heard, Task.Delay(200));
        }
        (await heard).ShouldNotBeNull("node 1 heard of the notification written through node 0");
    }

    [Fact]
    public void Every_live_message_comes_out_of_its_trip_between_nodes_as_it_went_in()
    {
        RoundTrip(new NotificationAudience(Users: new HashSet<Guid> { Guid.NewGuid() }, Enterprises: new HashSet<int> { 7 }, ParkOperatorsOf: 3, Institutions: new HashSet<int> { 9 }),
            (a, b) => a.Users!.SetEquals(b.Users!) && a.Enterprises!.SetEquals(b.Enterprises!) && a.ParkOperatorsOf == b.ParkOperatorsOf && a.Institutions!.SetEquals(b.Institutions!));
        RoundTrip(new ConversationSignal(12, Party.Enterprise(4), Party.Institution(5)), (a, b) => a == b);
        var alarm = new AlarmView(Guid.NewGuid(), 1, "Temperature", "温度", "twin-1", "raised", "critical", "Too hot", "过热", 31.5,
            DateTimeOffset.UtcNow, null, null, 2, "Hall A", "A 厅");
        RoundTrip(new AlarmChange(AlarmChange.Raised, alarm), (a, b) => a.Change == b.Change && a.Alarm == b.Alarm);
    }

    /// <summary>Publishes on one broadcast and reads what a second one, on "another node", receives.</summary>
    private static void RoundTrip<T>(T message, Func<T, T, bool> same)
    {
        var wire = new LoopbackRelay();
        var here = new LiveBroadcast<T>(wire);
        var there = new LiveBroadcast<T>(wire);
        using var listening = there.Subscribe();
        here.Publish(message);
        listening.Reader.TryRead(out var received).ShouldBeTrue($"{typeof(T).Name} arrived");
        same(message, received!).ShouldBeTrue($"{typeof(T).Name} arrived unchanged");
    }

    /// <summary>Hands what one broadcast forwards to the broadcast attached last (the "other node").</summary>
    private sealed class LoopbackRelay : ILiveRelay
    {
        private Action<ReadOnlyMemory<byte>>? last;

        public void Attach(string topic, Action<ReadOnlyMemory<byte>> deliver) => last = deliver;

        public void Forward(string topic, ReadOnlyMemory<byte> message) => last?.Invoke(message);
    }
}
