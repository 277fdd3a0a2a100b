using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Infrastructure.Paging;

/// <summary>Reading one page of an ordered query.</summary>
public static class PageReader
{
    /// <summary>Counts the matches, then reads the requested page (skipping the read when the page
    /// lies beyond the last, which also keeps huge page numbers from overflowing the offset).</summary>
    public static async Task<(int Total, List<TRow> Rows)> PageAsync<TRow>(IQueryable<TRow> ordered, int page, int pageSize, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var offset = (long)(page - 1) * pageSize;
        if (offset >= total) return (total, []);
        var rows = await ordered.Skip((int)offset).Take(pageSize).ToListAsync(ct);
        return (total, rows);
    }

    /// <summary>Reads every match in order in one pass and slices the page from it; for searches whose
    /// match scans the table, where a separate count would scan it a second time.</summary>
    public static async Task<(int Total, List<TRow> Rows)> PageInOnePassAsync<TRow>(IQueryable<TRow> ordered, int page, int pageSize, CancellationToken ct)
    {
        var all = await ordered.ToListAsync(ct);
        var offset = (long)(page - 1) * pageSize;
        return (all.Count, offset >= all.Count ? [] : all.Skip((int)offset).Take(pageSize).ToList());
    }
}
