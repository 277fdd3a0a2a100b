namespace Lingjing.Server.Features.Zone;

public sealed record ParkFigures(int Id, string Code, string NameEn, string NameZh, double Latitude, double Longitude,
    double AreaSquareMeters, int Enterprises, int EnterprisesAboveDesignatedSize, int Spaces);
