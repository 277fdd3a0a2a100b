using Lingjing.World.Encoding;
using Lingjing.World.Protocol;

namespace Lingjing.World.Media;

/// <summary>
/// The world's side of the forwarder: checks every request of a client against who may hear whom (both in a
/// forwarded group, within reach), hands it on, passes the forwarder's replies back, and closes subscriptions
/// when people walk apart, leave their group or leave the world. Tick thread only, except the forwarder's
/// replies, which come back as commands.
/// </summary>
/// <param name="room">The forwarder's room: the world's, or the stage it shares with other worlds.</param>
/// <param name="refusal">Why an avatar may not receive a feed (null: it may).</param>
internal sealed class ForwarderRelay(string room, ISelectiveForwarder forwarder, Func<Avatar, uint, MediaRefuseReason?> refusal,
    Action<WorldCommand> enqueue)
{
    /// <summary>A request from a client.</summary>
    public void Request(Avatar avatar, ForwarderSignal signal)
    {
        if (signal.Kind == ForwarderSignalKind.Close)
        {
            if (signal.Feed == ForwarderFeeds.Mix) avatar.InMix = false;
            avatar.Feeds.Remove(signal.Feed);
            if (avatar.KnownToForwarder) Dispatch(avatar, signal);
            return;
        }
        if (!avatar.Forwarded)
        {
            Refuse(avatar, signal.Feed, MediaRefuseReason.NotForwarded);
            return;
        }
        switch (signal.Kind)
        {
            case ForwarderSignalKind.Mix:
                if (!avatar.Mixed)
                {
                    Refuse(avatar, ForwarderFeeds.Mix, MediaRefuseReason.NotForwarded);
                    return;
                }
                avatar.InMix = true;
                signal.Feed = ForwarderFeeds.Mix; // so that a failure closes the mix, never the sending connection
                TellSilence(avatar); // before the join, so a silenced voice never enters the mix
                break;
            case ForwarderSignalKind.Candidate when signal.Feed == ForwarderFeeds.Mix:
                if (!avatar.InMix) return;
                break;
            case ForwarderSignalKind.Subscribe:
                if (refusal(avatar, signal.Feed) is { } reason)
                {
                    Refuse(avatar, signal.Feed, reason);
                    return;
                }
                avatar.Feeds.Add(signal.Feed);
                break;
            case ForwarderSignalKind.Answer or ForwarderSignalKind.Candidate when signal.Feed != 0 && !avatar.Feeds.Contains(signal.Feed):
                return; // for a subscription closed a moment ago
        }
        avatar.KnownToForwarder = true;
        Dispatch(avatar, signal);
    }

    /// <summary>The forwarder's reply to a request, or a close it decided by itself: passed on unless overtaken by events.</summary>
    public static void Reply(Avatar avatar, ForwarderSignal reply)
    {
        if (reply.Kind == ForwarderSignalKind.Close)
        {
            avatar.Feeds.Remove(reply.Feed);
            if (reply.Feed == ForwarderFeeds.Mix) avatar.InMix = false;
        }
        else if (reply.Kind == ForwarderSignalKind.Mix ? !(avatar.Mixed && avatar.InMix)
                 : reply.Feed != ForwarderFeeds.Sending ? !avatar.Feeds.Contains(reply.Feed) : !avatar.Forwarded) return;
        avatar.Session.Send(ServerFrames.Of(reply));
    }

    /// <summary>Each keyframe, after the groups were decided: ends what is no longer allowed.</summary>
    public void Review(IEnumerable<Avatar> avatars)
    {
        foreach (var avatar in avatars)
        {
            if (!avatar.KnownToForwarder) continue;
            if (!avatar.Forwarded)
            {
                foreach (var feed in avatar.Feeds) Refuse(avatar, feed, MediaRefuseReason.NotForwarded);
                Refuse(avatar, 0, MediaRefuseReason.NotForwarded);
                Left(avatar);
                continue;
            }
            TellSilence(avatar);
            if (avatar.InMix && !avatar.Mixed)
            {
                // The room's group shrank below mixing: voices go back to one feed each.
                avatar.InMix = false;
                Refuse(avatar, ForwarderFeeds.Mix, MediaRefuseReason.NotForwarded);
                Dispatch(avatar, new ForwarderSignal { Feed = ForwarderFeeds.Mix, Kind = ForwarderSignalKind.Close });
            }
            foreach (var feed in avatar.Feeds.ToArray())
            {
                if (refusal(avatar, feed) is not { } reason) continue;
                avatar.Feeds.Remove(feed);
                Refuse(avatar, feed, reason);
                Dispatch(avatar, new ForwarderSignal { Feed = feed, Kind = ForwarderSignalKind.Close });
            }
        }
    }

    /// <summary>The avatar left the world or its group: the forwarder lets go of all its connections.</summary>
    public void Left(Avatar avatar)
    {
        if (!avatar.KnownToForwarder) return;
        avatar.KnownToForwarder = false;
        avatar.InMix = false;
        avatar.SilencedAtForwarder = false;
        avatar.Feeds.Clear();
        _ = forwarder.LeaveAsync(Party(avatar), CancellationToken.None).ContinueWith(
            static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>Tells the forwarder when an operator's mute of the avatar began or ended (it keeps the voice out of the mix).</summary>
    private void TellSilence(Avatar avatar)
    {
        var silenced = (avatar.Media & (uint)MediaFlags.Silenced) != 0;
        if (silenced == avatar.SilencedAtForwarder) return;
        avatar.SilencedAtForwarder = silenced;
        _ = forwarder.SilenceAsync(Party(avatar), silenced, CancellationToken.None).ContinueWith(
            static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    private void Dispatch(Avatar avatar, ForwarderSignal signal)
    {
        var id = avatar.Id;
        forwarder.HandleAsync(Party(avatar), signal, CancellationToken.None).ContinueWith(task =>
        {
            if (task.IsCompletedSuccessfully)
            {
                if (task.Result is { } reply) enqueue(new WorldCommand.ForwarderReply(id, reply));
            }
            else if (signal.Kind != ForwarderSignalKind.Close)
            {
                enqueue(new WorldCommand.ForwarderReply(id, new ForwarderSignal
                {
                    Feed = signal.Feed, Kind = ForwarderSignalKind.Close, Reason = MediaRefuseReason.ForwarderFailed,
                }));
            }
            // Only a command is queued here, so running inline on whatever thread completed the task is fine.
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void Refuse(Avatar avatar, uint feed, MediaRefuseReason reason) =>
        avatar.Session.Send(ServerFrames.Of(new ForwarderSignal { Feed = feed, Kind = ForwarderSignalKind.Close, Reason = reason }));

    private ForwarderParty Party(Avatar avatar) => new(room, avatar.Id, avatar.Profile.DisplayName);
}
