using System.Globalization;
using Lingjing.Server.Features.Demo;
using static Lingjing.Server.Features.Collaboration.Demo.DemoCollaborationVocabulary;
using Word = Lingjing.Server.Features.Demo.DemoVocabulary.Word;

namespace Lingjing.Server.Features.Collaboration.Demo;

/// <summary>The demo zone's collaboration, generated from the fixed seed: offers of enterprises (in the segments their
/// category works in) and of service institutions (in the segment of their service), needs in every status with their
/// history, and agreements with ratings. Each need and offer is about a technique of its segment on a theme; the
/// partners that really fit a need, those with an active offer of the same segment, technique and theme that the need is
/// shown to, are kept in <see cref="GoodPartners"/>: the hidden ground truth the matching benchmark scores against. It
/// never reaches the database.</summary>
public sealed class DemoCollaborationPlan
{
    public const int NeedCount = 3_000;
    /// <summary>Share of enterprises with one offer, and of those with a second.</summary>
    private const double OfferShare = 0.42, SecondOfferShare = 0.12;

    public required IReadOnlyList<Need> Needs { get; init; }
    public required IReadOnlyList<NeedEvent> Events { get; init; }
    public required IReadOnlyList<Offer> Offers { get; init; }
    public required IReadOnlyList<Agreement> Agreements { get; init; }
    public required IReadOnlyList<AgreementRating> Ratings { get; init; }
    public required IReadOnlyDictionary<int, IReadOnlySet<Party>> GoodPartners { get; init; }

    /// <summary>An enterprise or institution of the zone as the generator sees it: <paramref name="Kind"/> is the
    /// enterprise's category or the institution's service type.</summary>
    public sealed record Member(Party Party, int? ParkId, string Kind, string NameZh);

    private sealed record Topic(string Segment, int Technique, int Theme);

    public static DemoCollaborationPlan Build(int seed, IReadOnlyList<Member> enterprises, IReadOnlyList<Member> institutions, DateTime now)
    {
        var random = new Random(unchecked(seed * 31 + 14));
        var offers = new List<Offer>();
        var offering = new Dictionary<Topic, List<Member>>();

        foreach (var enterprise in enterprises)
        {
            var segments = IndustryChain.Segments.Where(s => s.Categories.Contains(enterprise.Kind)).ToList();
            if (segments.Count == 0 || random.NextDouble() >= OfferShare) continue;
            var count = random.NextDouble() < SecondOfferShare ? 2 : 1;
            for (var k = 0; k < count; k++) AddOffer(enterprise, segments[random.Next(segments.Count)].Code);
        }
        foreach (var institution in institutions)
        {
            if (IndustryChain.SegmentOfService(institution.Kind) is not { } segment) continue;
            for (var k = 0; k < 2 + random.Next(3); k++) AddOffer(institution, segment);
        }

        var members = enterprises.Concat(institutions).ToDictionary(m => m.Party);
        var withAccounts = enterprises.Where(e => e.Party.EnterpriseId <= DemoAccountGenerator.EnterpriseAdminCount).ToList();
        var segmentsByWeight = IndustryChain.Segments.SelectMany(s => Enumerable.Repeat(s.Code, (int)NeedWeight(s.Code))).ToList();
        var needs = new List<Need>(NeedCount);
        var events = new List<NeedEvent>();
        var agreements = new List<Agreement>();
        var ratings = new List<AgreementRating>();
        var truth = new Dictionary<int, IReadOnlySet<Party>>();
        for (var id = 1; id <= NeedCount; id++)
        {
            var client = random.NextDouble() < 0.6 ? withAccounts[random.Next(withAccounts.Count)] : enterprises[random.Next(enterprises.Count)];
            var topic = new Topic(segmentsByWeight[random.Next(segmentsByWeight.Count)], random.Next(3), random.Next(Themes.Count));
            var need = NewNeed(id, client, topic);
            var fitting = offering.GetValueOrDefault(topic, []).Where(m => m.Party.EnterpriseId != client.Party.EnterpriseId).Distinct().ToList();
            ChooseVisibility(need, client, fitting);
            var good = fitting.Where(m => ShownTo(need, m)).Select(m => m.Party).ToHashSet();
            truth[id] = good;
            needs.Add(need);
            Unfold(need, client, [.. good.Select(p => members[p]).OrderBy(m => m.Party.Kind).ThenBy(m => m.Party.Id)]);
        }

        return new DemoCollaborationPlan { Needs = needs, Events = events, Offers = offers, Agreements = agreements, Ratings = ratings, GoodPartners = truth };

        void AddOffer(Member owner, string segment)
        {
            var topic = new Topic(segment, random.Next(3), random.Next(Themes.Count));
            var technique = Techniques[segment][topic.Technique];
            var (theme, theme2) = (Themes[topic.Theme], Themes[(topic.Theme + 1 + random.Next(Themes.Count - 1)) % Themes.Count]);
            var created = now.AddDays(-random.Next(1, 400)).AddMinutes(-random.Next(0, 24 * 60));
            var active = random.NextDouble() >= 0.05;
            var price = (long)random.Next(1, 60) * 10_000;
            offers.Add(new Offer
            {
                Id = offers.Count + 1,
                EnterpriseId = owner.Party.EnterpriseId,
                InstitutionId = owner.Party.InstitutionId,
                Kind = OfferKinds.Codes[random.NextDouble() switch { < 0.5 => 0, < 0.9 => 1, _ => 2 }],
                Title = Fill(Pick(ChineseOfferTitles), technique, theme, theme2, null),
                Description = Fill(Pick(ChineseOfferDescriptions), technique, theme, theme2, null),
                Segment = segment,
                Tags = [technique.Zh, Pick(theme.Words).Zh],
                PriceMinYuan = price,
                PriceMaxYuan = price * (2 + random.Next(4)),
                Examples = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ =>
                    $"{now.Year - random.Next(1, 5)} {Pick(theme.Projects).Zh}·{technique.Zh}")],
                Active = active,
                CreatedAt = created,
                UpdatedAt = active ? created : created.AddDays(random.Next(1, 30)) is var w && w < now ? w : now,
            });
            if (!active) return;
            if (!offering.TryGetValue(topic, out var list)) offering[topic] = list = [];
            list.Add(owner);
        }

        Need NewNeed(int id, Member client, Topic topic)
        {
            var technique = Techniques[topic.Segment][topic.Technique];
            var (theme, theme2) = (Themes[topic.Theme], Themes[(topic.Theme + 1 + random.Next(Themes.Count - 1)) % Themes.Count]);
            var project = Pick(theme.Projects);
            var english = random.NextDouble() < 0.15;
            var budget = (long)random.Next(2, 100) * 10_000;
            var created = now.AddDays(-random.Next(1, 180)).AddMinutes(-random.Next(0, 24 * 60));
            return new Need
            {
                Id = id,
                EnterpriseId = client.Party.EnterpriseId!.Value,
                Title = english ? Fill(Pick(EnglishNeedTitles), technique, theme, theme2, project, english: true) : Fill(Pick(ChineseNeedTitles), technique, theme, theme2, project),
                Description = english
                    ? $"We are preparing a {project.En} and need a partner for the {technique.En} work, with experience in {Pick(theme.Words).En} projects."
                    : Fill(Pick(ChineseNeedDescriptions), technique, theme, theme2, project),
                Segment = topic.Segment,
                Tags = english ? [technique.En, Pick(theme.Words).En] : [technique.Zh, Pick(theme.Words).Zh],
                BudgetMinYuan = budget,
                BudgetMaxYuan = budget * 2,
                Deadline = DateOnly.FromDateTime(created.AddDays(random.Next(45, 240))),
                PartnerSize = random.NextDouble() < 0.5 ? PartnerSizes.Any : PartnerSizes.Codes[1 + random.Next(PartnerSizes.Codes.Count - 1)],
                CreatedAt = created,
                UpdatedAt = created,
            };
        }

        void ChooseVisibility(Need need, Member client, List<Member> fitting)
        {
            var roll = random.NextDouble();
            if (roll < 0.15)
            {
                need.Visibility = Visibilities.Parks;
                var parks = new HashSet<int> { client.ParkId!.Value };
                while (parks.Count < 1 + random.Next(1, 4)) parks.Add(1 + random.Next(DemoZoneGenerator.ParkCount));
                need.VisibleParkIds = [.. parks.Order()];
            }
            else if (roll < 0.2)
            {
                need.Visibility = Visibilities.Invited;
                var invited = fitting.Where(m => m.Party.EnterpriseId is not null).OrderBy(_ => random.Next()).Take(4).Select(m => m.Party.EnterpriseId!.Value).ToHashSet();
                invited.Add(enterprises[random.Next(enterprises.Count)].Party.EnterpriseId!.Value);
                invited.Remove(need.EnterpriseId);
                need.InvitedEnterpriseIds = [.. invited.Order()];
            }
        }

        // The need's life: published, then for most some talks, and for some an agreement with one of the partners
        // that fit it (confirmed and rated), or a proposal still waiting, or a close.
        void Unfold(Need need, Member client, List<Member> good)
        {
            var at = need.CreatedAt;
            Event(need, "published", "", at, client);
            var roll = random.NextDouble();
            if (roll < 0.55 || (roll < 0.9 && good.Count == 0)) return; // open
            if (roll >= 0.9)
            {
                at = at.AddDays(random.Next(3, 40));
                if (at > now) at = now;
                need.Status = NeedStatus.Closed;
                Event(need, NeedStatus.Closed, "项目取消。The project was cancelled.", at, client);
                need.UpdatedAt = at;
                return;
            }
            at = at.AddDays(random.Next(1, 10));
            if (at > now) at = now;
            need.Status = NeedStatus.InTalks;
            Event(need, NeedStatus.InTalks, "", at, client);
            var partner = good[random.Next(good.Count)];
            var agreed = roll < 0.72;
            var proposedAt = at.AddDays(random.Next(1, 15)) is var p && p < now ? p : now;
            var agreement = new Agreement
            {
                Id = agreements.Count + 1,
                NeedId = need.Id,
                ClientEnterpriseId = need.EnterpriseId,
                PartnerEnterpriseId = partner.Party.EnterpriseId,
                PartnerInstitutionId = partner.Party.InstitutionId,
                What = need.Title.Length > 120 ? need.Title[..120] : need.Title,
                AmountBand = need.BudgetMaxYuan switch { < 100_000 => "under-100k", < 500_000 => "100k-500k", < 1_000_000 => "500k-1m", _ => "1m-5m" },
                StartsOn = DateOnly.FromDateTime(proposedAt.AddDays(7)),
                EndsOn = need.Deadline,
                Status = agreed ? AgreementStatus.Confirmed : AgreementStatus.Proposed,
                ProposedByName = client.NameZh,
                ProposedAt = proposedAt,
            };
            agreements.Add(agreement);
            need.UpdatedAt = proposedAt;
            if (!agreed) return;
            var decidedAt = proposedAt.AddDays(random.Next(1, 6)) is var d && d < now ? d : now;
            (agreement.DecidedByName, agreement.DecidedAt) = (partner.NameZh, decidedAt);
            need.Status = NeedStatus.Agreed;
            need.UpdatedAt = decidedAt;
            Event(need, NeedStatus.Agreed, agreement.What, decidedAt, partner);
            if (random.NextDouble() < 0.8) Rate(agreement, AgreementSides.Client, partner.Party, decidedAt);
            if (random.NextDouble() < 0.7) Rate(agreement, AgreementSides.Partner, client.Party, decidedAt);
        }

        void Rate(Agreement agreement, string side, Party rated, DateTime after)
        {
            string[] comments = ["按期交付，质量很好。On time and well done.", "沟通顺畅，值得再次合作。Easy to work with.", "整体满意，细节有待加强。Good overall.", ""];
            var at = after.AddDays(random.Next(5, 60));
            ratings.Add(new AgreementRating
            {
                Id = DemoAccountGenerator.RandomGuid(random),
                AgreementId = agreement.Id,
                Side = side,
                RatedEnterpriseId = rated.EnterpriseId,
                RatedInstitutionId = rated.InstitutionId,
                Stars = random.NextDouble() < 0.8 ? 4 + random.Next(2) : 2 + random.Next(2),
                Comment = comments[random.Next(comments.Length)],
                At = at < now ? at : now,
            });
        }

        void Event(Need need, string kind, string note, DateTime at, Member actor) => events.Add(new NeedEvent
        {
            Id = DemoAccountGenerator.RandomGuid(random),
            NeedId = need.Id,
            Kind = kind,
            Note = note,
            ActorName = actor.NameZh,
            At = at,
        });

        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

        string Fill(string template, Word technique, Theme theme, Theme theme2, Word? project, bool english = false) => template
            .Replace("{technique}", english ? technique.En : technique.Zh)
            .Replace("{theme2}", english ? Pick(theme2.Words).En : Pick(theme2.Words).Zh)
            .Replace("{theme}", english ? Pick(theme.Words).En : Pick(theme.Words).Zh)
            .Replace("{project}", project is null ? "" : english ? project.En : project.Zh)
            .Replace("{extra}", Pick(Extras));
    }

    /// <summary>Whether a need is shown to a member: as <see cref="Matching.NeedScorer.ShownTo"/> decides for candidates.</summary>
    private static bool ShownTo(Need need, Member member) => need.Visibility switch
    {
        Visibilities.Parks => member.ParkId is { } park && need.VisibleParkIds.Contains(park),
        Visibilities.Invited => member.Party.EnterpriseId is { } e && need.InvitedEnterpriseIds.Contains(e),
        _ => true,
    };

    /// <summary>The figures of the plan, for the log and the seeded setting.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Needs.Count} needs, {Offers.Count} offers ({Offers.Count(o => o.InstitutionId is not null)} of institutions), {Agreements.Count} agreements, {Ratings.Count} ratings");
}
