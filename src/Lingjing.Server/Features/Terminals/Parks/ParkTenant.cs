namespace Lingjing.Server.Features.Terminals.Parks;

public sealed record ParkTenant(int Id, string NameZh, string NameEn, string CategoryNameEn, string CategoryNameZh,
    int Employees, bool AboveDesignatedSize, DateOnly FoundedOn);

public sealed record ParkTenantPage(IReadOnlyList<ParkTenant> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
