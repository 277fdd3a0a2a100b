using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.Directory;

/// <summary>The directory of one kind of place (parks, institutions, spaces): a list searched with a filter
/// read from the query string, and one entry by id. <see cref="DirectoryApi"/> maps both endpoints of each
/// kind the same way.</summary>
public interface IKindDirectory<in TFilter, TItem, TDetail> where TDetail : class
{
    Task<ResultPage<TItem>> SearchAsync(TFilter filter, CancellationToken ct);

    Task<TDetail?> FindAsync(int id, CancellationToken ct);
}
