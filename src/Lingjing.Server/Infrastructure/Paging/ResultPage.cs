using System.Text.Json.Serialization;

namespace Lingjing.Server.Infrastructure.Paging;

/// <summary>What a pager needs to know of a page, whatever its rows.</summary>
public interface IPageInfo
{
    int Total { get; }
    int Page { get; }
    int PageCount { get; }
}

/// <summary>One page of a list and the number of rows matching in all: the one shape of every paged list,
/// in the API (<c>items</c>, <c>total</c>, <c>page</c>, <c>pageSize</c>) and on the pages (with the shared
/// <c>Pager</c>). Lists that page by a cursor instead (twins) say so in their own record.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize) : IPageInfo
{
    [JsonIgnore]
    public int PageCount => Total == 0 ? 1 : (int)Math.Ceiling(Total / (double)PageSize);
}
