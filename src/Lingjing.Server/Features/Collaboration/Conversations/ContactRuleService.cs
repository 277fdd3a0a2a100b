using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>Each enterprise and institution chooses who may write to it first: anyone, only the enterprises and
/// institutions of its own park, only those it already has an agreement with, or nobody new.</summary>
public sealed class ContactRuleService(LingjingDbContext db, PartyDirectory parties, TimeProvider time)
{
    public static readonly Field WhoField = new("who", "Who may write to you");

    public sealed record View(string Who);

    public sealed record Input(string? Who);

    public async Task<View> GetAsync(Party party, CancellationToken ct) => new(await WhoAsync(party, ct));

    public async Task<Outcome<View>> SetAsync(Collaborator editor, Input input, CancellationToken ct)
    {
        if (editor.Party is not { } party) return Failure.Forbidden("Only an enterprise's or institution's own people choose who may write to it.");
        if (input.Who is null || !ContactRules.All.Contains(input.Who)) return Failure.NotOneOf(WhoField, input.Who ?? "", ContactRules.All);
        var rule = await Rules(party).FirstOrDefaultAsync(ct);
        if (rule is null) db.Add(rule = new ContactRule { EnterpriseId = party.EnterpriseId, InstitutionId = party.InstitutionId });
        (rule.Who, rule.UpdatedBy, rule.UpdatedAt) = (input.Who, editor.UserId, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people of the same side saved at once: the unique index kept one row; set it.
            db.ChangeTracker.Clear();
            await Rules(party).ExecuteUpdateAsync(s => s.SetProperty(r => r.Who, input.Who), ct);
        }
        return new View(input.Who);
    }

    /// <summary>Null when <paramref name="starter"/> may start a conversation with <paramref name="other"/>; otherwise
    /// a 403 that says why, in words the writer understands.</summary>
    public async Task<Failure?> RefusalAsync(Party starter, Party other, CancellationToken ct)
    {
        var who = await WhoAsync(other, ct);
        if (who == ContactRules.Anyone) return null;
        var names = await parties.FindAsync([starter, other], ct);
        var name = new Phrase.InBothLanguages(names[other].NameEn, names[other].NameZh);
        var allowed = who switch
        {
            ContactRules.SamePark => names[starter].ParkId is { } park && park == names[other].ParkId,
            ContactRules.Partners => await WorkedTogetherAsync(starter, other, ct),
            _ => false,
        };
        if (allowed) return null;
        var reason = who switch
        {
            ContactRules.SamePark => "{0} accepts new conversations only from enterprises and institutions of its park.",
            ContactRules.Partners => "{0} accepts new conversations only from its partners in earlier agreements.",
            _ => "{0} does not accept new conversations at the moment.",
        };
        return Failure.Forbidden(reason, name) with { Code = "conversation.not-accepted" };
    }

    private async Task<string> WhoAsync(Party party, CancellationToken ct) =>
        await Rules(party).Select(r => r.Who).FirstOrDefaultAsync(ct) ?? ContactRules.Anyone;

    /// <summary>Whether the two have an agreement, proposed or confirmed, either way round.</summary>
    private async Task<bool> WorkedTogetherAsync(Party a, Party b, CancellationToken ct) =>
        await AgreedAsync(a, b, ct) || await AgreedAsync(b, a, ct);

    /// <summary>Whether the client (an enterprise) has a live agreement with the partner.</summary>
    private async Task<bool> AgreedAsync(Party client, Party partner, CancellationToken ct)
    {
        if (client.EnterpriseId is not { } c) return false;
        var live = db.Set<Agreement>().Where(x => x.ClientEnterpriseId == c && x.Status != AgreementStatus.Declined);
        return partner.EnterpriseId is { } pe
            ? await live.AnyAsync(x => x.PartnerEnterpriseId == pe, ct)
            : await live.AnyAsync(x => x.PartnerInstitutionId == partner.InstitutionId, ct);
    }

    private IQueryable<ContactRule> Rules(Party party) => party.EnterpriseId is { } e
        ? db.Set<ContactRule>().Where(r => r.EnterpriseId == e)
        : db.Set<ContactRule>().Where(r => r.InstitutionId == party.InstitutionId);
}
