namespace Lingjing.Server.Features.World;

/// <summary>Addresses of places in the world that other features link to.</summary>
public static class WorldLinks
{
    /// <summary>The room of a meeting-room booking, for its holder and invitees (World/Meetings).</summary>
    public static string MeetingRoom(Guid bookingId) => $"/world/meeting/{bookingId:N}";

    /// <summary>A park's world.</summary>
    public static string Park(int parkId) => $"/world/{parkId}";
}
