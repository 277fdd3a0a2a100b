using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>Minimal valid zone rows for tests that build their own small zone.</summary>
public static class ZoneRows
{
    public static Park Park(string nameEn) => new()
    {
        Code = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), NameZh = nameEn + "园", NameEn = nameEn,
        AddressZh = "北京市朝阳区", AddressEn = "Chaoyang District, Beijing", Boundary = "[[0,0],[100,0],[100,100],[0,100]]",
        OpenedYear = 2015, Latitude = 39.9, Longitude = 116.4,
    };

    public static Enterprise Enterprise(int parkId, string nameEn) => new()
    {
        ParkId = parkId, CreditCode = "91110105" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), NameZh = nameEn + "公司",
        NameEn = nameEn, Category = "creative-design", FoundedOn = new DateOnly(2016, 5, 1), Employees = 20, Tags = ["design"],
        UpdatedAt = TestClock.Now.UtcDateTime, RegisteredAt = TestClock.Now.UtcDateTime,
    };

    /// <summary>A space open every day, 00:00-23:59 unless told otherwise.</summary>
    public static Space Space(int parkId, string nameEn, TimeOnly? opensAt = null, TimeOnly? closesAt = null, int capacity = 40) => new()
    {
        ParkId = parkId, NameZh = nameEn + "空间", NameEn = nameEn, SpaceType = "meeting-room", Capacity = capacity, AreaSquareMeters = 80,
        OpensAt = opensAt ?? new TimeOnly(0, 0), ClosesAt = closesAt ?? new TimeOnly(23, 59), OpenDays = 0b1111111,
    };
}
