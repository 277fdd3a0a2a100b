namespace Lingjing.World;

/// <summary>WebSocket close codes the engine uses; docs/protocol.md lists them for client authors.</summary>
public static class WorldCloseCodes
{
    public const int Normal = 1000;
    public const int GoingAway = 1001;
    public const int UnsupportedData = 1003;
    public const int Abnormal = 1006;
    public const int FrameTooBig = 1009;
    public const int InternalError = 1011;

    public const int MalformedFrame = 4000;
    public const int OutOfOrder = 4001;
    public const int HelloRejected = 4002;
    public const int Removed = 4003;
    public const int Replaced = 4004;
    public const int HelloTimeout = 4005;
    public const int TooSlow = 4008;
    public const int RateLimited = 4029;
}
