namespace Lingjing.Server.Features.Directory;

/// <summary>One page of directory results and the number of rows matching in all.</summary>
public sealed record DirectoryPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int PageCount => Total == 0 ? 1 : (int)Math.Ceiling(Total / (double)PageSize);
}
