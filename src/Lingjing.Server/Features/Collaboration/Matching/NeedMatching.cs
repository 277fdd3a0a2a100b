using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Matches of a need, for those who look for its partners: its own enterprise, the government and the operator
/// of its park. Anyone else is told there is no such need.</summary>
public sealed class NeedMatching(LingjingDbContext db, CandidateIndexCache candidates, WordSplitter words)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public async Task<NeedMatches?> MatchesAsync(Collaborator reader, int needId, int limit, CancellationToken ct)
    {
        var found = await (from n in db.Set<Need>().AsNoTracking()
                           join e in db.Set<Enterprise>() on n.EnterpriseId equals e.Id
                           where n.Id == needId
                           select new { Need = n, e.ParkId }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var mayLook = reader.Government || reader.EnterpriseId == found.Need.EnterpriseId || reader.OperatedParkId == found.ParkId;
        if (!mayLook) return null;
        var need = found.Need;
        var index = await candidates.GetAsync(ct);
        return NeedMatcher.Rank(need, found.ParkId, NeedWords.Of(need, words), index, limit);
    }
}
