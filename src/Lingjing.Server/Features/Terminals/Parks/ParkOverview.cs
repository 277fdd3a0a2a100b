namespace Lingjing.Server.Features.Terminals.Parks;

/// <summary>A park operator's view of their park: headline figures and its spaces.</summary>
public sealed record ParkOverview(
    int Id,
    string Code,
    string NameZh,
    string NameEn,
    string AddressZh,
    string AddressEn,
    int TenantEnterprises,
    int TenantsAboveDesignatedSize,
    int Buildings,
    int SpaceCount,
    int TotalCapacity,
    IReadOnlyList<ParkSpace> Spaces);

public sealed record ParkSpace(int Id, string NameZh, string NameEn, string SpaceType, string SpaceTypeEn, string SpaceTypeZh,
    int Capacity, double AreaSquareMeters, TimeOnly OpensAt, TimeOnly ClosesAt);
