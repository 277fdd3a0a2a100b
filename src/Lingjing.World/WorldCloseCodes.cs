namespace Lingjing.World;

/// <summary>WebSocket close codes the engine uses; docs/protocol.md lists them for client authors.</summary>
public static class WorldCloseCodes
{
    public const int Normal = 1000;
    public const int GoingAway = 1001;
    public const int UnsupportedData = 1003;
    public const int Abnormal = 1006;
    public const int FrameTooBig = 1009;
    /// <summary>Sent by the WebSocket layer itself for a frame that breaks RFC 6455 (unmasked, reserved bits, a control frame over 125 bytes...).</summary>
    public const int ProtocolError = 1002;
    /// <summary>Sent by the WebSocket layer itself for a text frame that is not UTF-8.</summary>
    public const int InvalidPayload = 1007;
    public const int InternalError = 1011;

    public const int MalformedFrame = 4000;
    public const int OutOfOrder = 4001;
    public const int HelloRejected = 4002;
    public const int Removed = 4003;
    public const int Replaced = 4004;
    public const int HelloTimeout = 4005;
    /// <summary>A park world that does not allow guests refused someone who is neither its member nor invited.</summary>
    public const int NotAdmitted = 4006;
    public const int TooSlow = 4008;
    public const int RateLimited = 4029;
}
