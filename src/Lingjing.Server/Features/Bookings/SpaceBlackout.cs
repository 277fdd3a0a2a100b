namespace Lingjing.Server.Features.Bookings;

/// <summary>Days (zone time, inclusive) on which a space cannot be booked: holidays, maintenance, events.</summary>
public sealed class SpaceBlackout
{
    public int Id { get; set; }
    public int SpaceId { get; set; }
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public string Reason { get; set; } = "";

    public bool Covers(DateOnly day) => FirstDay <= day && day <= LastDay;
}
