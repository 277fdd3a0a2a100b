using Google.Protobuf;
using Lingjing.World.Protocol;

namespace Lingjing.World.Encoding;

/// <summary>Encodes the non-snapshot server frames (each wrapped in the ServerFrame envelope).</summary>
internal static class ServerFrames
{
    public static byte[] Of(Welcome welcome) => new ServerFrame { Welcome = welcome }.ToByteArray();
    public static byte[] Of(AvatarsJoined joined) => new ServerFrame { AvatarsJoined = joined }.ToByteArray();
    public static byte[] Of(AvatarsLeft left) => new ServerFrame { AvatarsLeft = left }.ToByteArray();
    public static byte[] Of(ChatMessage chat) => new ServerFrame { Chat = chat }.ToByteArray();
    public static byte[] Of(ChatHistory history) => new ServerFrame { ChatHistory = history }.ToByteArray();
    public static byte[] Of(EmotePlayed emote) => new ServerFrame { Emote = emote }.ToByteArray();
    public static byte[] Of(Pong pong) => new ServerFrame { Pong = pong }.ToByteArray();
    public static byte[] Of(ChatRejected rejected) => new ServerFrame { ChatRejected = rejected }.ToByteArray();
    public static byte[] Of(ForwarderSignal signal) => new ServerFrame { ForwarderSignal = signal }.ToByteArray();
    public static byte[] Of(Muted muted) => new ServerFrame { Muted = muted }.ToByteArray();
    public static byte[] Of(Kicked kicked) => new ServerFrame { Kicked = kicked }.ToByteArray();
    public static byte[] Of(MediaSignal signal) => new ServerFrame { MediaSignal = signal }.ToByteArray();
    public static byte[] Of(MediaRefused refused) => new ServerFrame { MediaRefused = refused }.ToByteArray();
}
