using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;

namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>Projects changes with their enterprise's names into <see cref="FactChangeView"/>s.</summary>
internal static class FactChangeViews
{
    public static IQueryable<FactChangeRow> Rows(LingjingDbContext db, IQueryable<FactChange> changes) =>
        from c in changes
        join e in db.Set<Enterprise>() on c.EnterpriseId equals e.Id
        select new FactChangeRow { C = c, NameZh = e.NameZh, NameEn = e.NameEn, ParkId = e.ParkId };

    public static IQueryable<FactChangeView> Project(IQueryable<FactChangeRow> rows) =>
        rows.Select(r => new FactChangeView(r.C.Id, r.C.EnterpriseId, r.NameZh, r.NameEn, r.ParkId, r.C.Fact, r.C.OldValue, r.C.NewValue,
            r.C.Note, r.C.Status, r.C.ProposedByName, r.C.ProposedAt, r.C.DecidedByName, r.C.DecidedByRole, r.C.DecidedAt, r.C.Reason));

    /// <summary>Stored JSON values turned into what people read (after the query: it is not SQL).</summary>
    public static FactChangeView Readable(FactChangeView v) =>
        v with { OldValue = DecidingFacts.Display(v.Fact, v.OldValue), NewValue = DecidingFacts.Display(v.Fact, v.NewValue) };

    // A class with settable members (not a positional record): EF translates member access on it.
    internal sealed class FactChangeRow
    {
        public FactChange C { get; init; } = null!;
        public string NameZh { get; init; } = "";
        public string NameEn { get; init; } = "";
        public int ParkId { get; init; }
    }
}
