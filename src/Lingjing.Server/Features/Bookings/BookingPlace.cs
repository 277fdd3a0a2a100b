using System.Globalization;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Where a booked space is: park, building, floor, room and street address, with links to
/// the space's page and to its spot in the park's 3D world. Every place a booking appears names it,
/// so one "Building 1" is told from the fifty others.</summary>
public sealed record BookingPlace(
    int SpaceId, string RoomNameZh, string RoomNameEn, int ParkId, string ParkNameZh, string ParkNameEn,
    string AddressZh, string AddressEn, int? BuildingId, string? BuildingNameZh, string? BuildingNameEn, int? Floor,
    string SpaceUrl, string WorldUrl)
{
    /// <summary>A meeting room: each confirmed booking of it has a room in the 3D world.</summary>
    public bool IsMeetingRoom { get; init; }

    public static BookingPlace Of(Space space, Park park, Building? building) => new(
        space.Id, space.NameZh, space.NameEn, park.Id, park.NameZh, park.NameEn, park.AddressZh, park.AddressEn,
        building?.Id, building?.NameZh, building?.NameEn, building is null ? null : space.Floor,
        $"/directory/spaces/{space.Id}", WorldLink(park.Id, space.Id)) { IsMeetingRoom = space.SpaceType == SpaceTypes.MeetingRoom };

    /// <summary>The park's world, opened at the space's marker with its card shown.</summary>
    public static string WorldLink(int parkId, int spaceId) => $"/world/{parkId}?space={spaceId}";

    /// <summary>"Meeting Room A · Building 1, floor 3 · Wenhua Park": room, building and floor, park.</summary>
    public string LineEn => string.Join(" · ", new[] { ShortRoomEn, BuildingAndFloorEn, ParkNameEn }.Where(p => p is { Length: > 0 }));

    /// <summary>"文化园 · 1号楼 3层 · 会议室A": park, building and floor, room (largest first, as Chinese addresses read).</summary>
    public string LineZh => string.Join(" · ", new[] { ParkNameZh, BuildingAndFloorZh, ShortRoomZh }.Where(p => p is { Length: > 0 }));

    public string? BuildingAndFloorEn => BuildingNameEn is null ? null
        : Floor is { } floor ? $"{BuildingNameEn}, floor {floor.ToString(CultureInfo.InvariantCulture)}" : BuildingNameEn;

    public string? BuildingAndFloorZh => BuildingNameZh is null ? null
        : Floor is { } floor ? $"{BuildingNameZh} {floor.ToString(CultureInfo.InvariantCulture)}层" : BuildingNameZh;

    /// <summary>The full place in one line of each language, for calendars: "room, building, floor, park, address".</summary>
    public string FullEn => $"{LineEn}, {AddressEn}";

    public string FullZh => $"{AddressZh} {LineZh}";

    public string Line(bool chinese) => chinese ? LineZh : LineEn;

    // Room names often carry their building ("Meeting Room A, Building 1", "1号楼会议室A"); in a line
    // that names the building anyway it is said once.
    private string ShortRoomEn => BuildingNameEn is { Length: > 0 } b && RoomNameEn.EndsWith(", " + b, StringComparison.Ordinal)
        ? RoomNameEn[..^(b.Length + 2)] : RoomNameEn;

    private string ShortRoomZh => BuildingNameZh is { Length: > 0 } b && RoomNameZh.StartsWith(b, StringComparison.Ordinal) && RoomNameZh.Length > b.Length
        ? RoomNameZh[b.Length..] : RoomNameZh;
}
