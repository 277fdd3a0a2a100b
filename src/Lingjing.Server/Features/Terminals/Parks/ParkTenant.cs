namespace Lingjing.Server.Features.Terminals.Parks;

public sealed record ParkTenant(int Id, string NameZh, string NameEn, string CategoryNameEn, string CategoryNameZh,
    int Employees, bool AboveDesignatedSize, DateOnly FoundedOn);
