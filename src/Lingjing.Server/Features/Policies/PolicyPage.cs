namespace Lingjing.Server.Features.PolicyServices;

public sealed record PolicyPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int PageCount => Total == 0 ? 1 : (int)Math.Ceiling(Total / (double)PageSize);
}
