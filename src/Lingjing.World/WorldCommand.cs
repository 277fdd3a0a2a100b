using Lingjing.World.Protocol;
using Lingjing.World.Sessions;

namespace Lingjing.World;

/// <summary>Work handed from receive threads and operators to the tick thread, applied in order.</summary>
internal abstract record WorldCommand
{
    public sealed record Join(WorldSession Session) : WorldCommand;
    public sealed record Leave(WorldSession Session) : WorldCommand;
    public sealed record Chat(WorldSession Session, ChatScope Scope, string Text) : WorldCommand;
    public sealed record Emote(WorldSession Session, uint EmoteId) : WorldCommand;
    public sealed record Media(WorldSession Session, MediaState State) : WorldCommand;
    public sealed record Signal(WorldSession Session, MediaSignal Message) : WorldCommand;
    public sealed record Forward(WorldSession Session, ForwarderSignal Message) : WorldCommand;
    /// <summary>The forwarder answered a request of this avatar's, or closed one of its connections by itself.</summary>
    public sealed record ForwarderReply(uint AvatarId, ForwarderSignal Message) : WorldCommand;
}
