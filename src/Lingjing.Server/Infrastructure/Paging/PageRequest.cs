
namespace Lingjing.Server.Infrastructure.Paging;

/// <summary>The page a list request asks for: the one check of <c>page</c> and <c>pageSize</c> for every
/// paged list, with its messages under those keys.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;

    public static readonly Field PageField = new("page", "Page");
    public static readonly Field PageSizeField = new("pageSize", "Results per page");

    public const string OutOfRange = "A whole number from {0} to {1}; '{2}' is not.";

    /// <summary>Reads the two values (absent: the first page of <see cref="DefaultPageSize"/>), adding a
    /// message to <paramref name="errors"/> for each one out of range.</summary>
    public static PageRequest Read(int? page, int? pageSize, int maxPageSize, FieldErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? Math.Min(DefaultPageSize, maxPageSize);
        if (p < 1) errors.Add(PageField, OutOfRange, 1, int.MaxValue, p);
        if (size < 1 || size > maxPageSize) errors.Add(PageSizeField, OutOfRange, 1, maxPageSize, size);
        return new(Math.Max(p, 1), Math.Clamp(size, 1, maxPageSize));
    }
}
