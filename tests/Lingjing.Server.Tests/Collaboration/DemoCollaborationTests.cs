using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Collaboration;
using Lingjing.Server.Features.Collaboration.Conversations;
using Lingjing.Server.Features.Collaboration.Demo;
using Lingjing.Server.Features.Demo;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>The demo zone's collaboration: thousands of needs in every status, tens of thousands of offers of enterprises
/// and institutions, agreements with ratings, all reproducible from the seed with their hidden ground truth.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class DemoCollaborationTests(DemoZoneFixture zone)
{
    [Theory, BothDatabases]
    public async Task The_demo_zone_has_needs_offers_and_agreements_in_every_state(Db db)
    {
        var app = await zone.App(db);
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        // Tests in the same collection may add needs of their own: look at the seeded ones.
        var needs = await data.Set<Need>().AsNoTracking().Where(n => n.Id <= DemoCollaborationPlan.NeedCount).ToListAsync();

        needs.Count.ShouldBe(DemoCollaborationPlan.NeedCount);
        needs.Select(n => n.Status).Distinct().Order().ShouldBe([NeedStatus.Agreed, NeedStatus.Closed, NeedStatus.InTalks, NeedStatus.Open]);
        needs.Select(n => n.Visibility).Distinct().Order().ShouldBe([Visibilities.Invited, Visibilities.Parks, Visibilities.Zone]);
        needs.Where(n => n.Visibility == Visibilities.Parks).ShouldAllBe(n => n.VisibleParkIds.Count >= 1, "park lists read back from the bulk write");
        needs.Select(n => n.Segment).Distinct().Count().ShouldBe(IndustryChain.Segments.Count);
        (await data.Set<Offer>().CountAsync()).ShouldBeGreaterThan(20_000);
        (await data.Set<Offer>().CountAsync(o => o.InstitutionId != null)).ShouldBeGreaterThan(600);
        var agreements = await data.Set<Agreement>().AsNoTracking().ToListAsync();
        agreements.Count(a => a.Status == AgreementStatus.Confirmed).ShouldBeGreaterThan(300);
        agreements.ShouldContain(a => a.PartnerInstitutionId != null, "institutions are partners too");
        (await data.Set<AgreementRating>().CountAsync()).ShouldBeGreaterThan(300);
        var events = await data.Set<NeedEvent>().AsNoTracking().Where(e => e.NeedId <= DemoCollaborationPlan.NeedCount).CountAsync();
        events.ShouldBeGreaterThan(DemoCollaborationPlan.NeedCount, "every need has its history");
        (await data.Users.CountAsync(u => u.InstitutionId != null)).ShouldBe(300, "a staff account per institution");

        // Tests in the collection write about needs of their own: look at the threads on the seeded ones and on offers.
        var threads = await data.Set<Conversation>().AsNoTracking().Where(c => c.NeedId == null || c.NeedId <= DemoCollaborationPlan.NeedCount).ToListAsync();
        threads.Count.ShouldBeGreaterThan(1_000);
        threads.ShouldContain(c => c.OfferId != null, "enterprises wrote to offers too");
        threads.ShouldContain(c => c.StarterUnread + c.OtherUnread > 0, "some recent messages are not read yet");
        var topics = threads.Select(c => c.TopicKey).ToHashSet();
        agreements.Where(a => a.Id <= 1_001).Count(a => topics.Contains(Conversation.Topic(a.NeedId, null, a.Partner)))
            .ShouldBeGreaterThan(agreements.Count(a => a.Id <= 1_001) * 9 / 10, "almost every agreement was talked about first");
        var lastThread = threads.Max(c => c.Id);
        var messages = await data.Set<ConversationMessage>().AsNoTracking().Where(m => m.ConversationId <= lastThread).ToListAsync();
        messages.Count.ShouldBeGreaterThan(threads.Count * 2);
        messages.ShouldContain(m => m.MeetingKind == MeetingKinds.ParkWorld && m.MeetingPlaceZh != "", "some met in their park's world");
        threads.ShouldAllBe(c => messages.Any(m => m.Id == c.LastMessageId && m.ConversationId == c.Id), "each thread's last message is its own");
    }

    [Fact]
    public async Task The_plan_rebuilt_from_the_database_is_what_was_seeded_and_matching_finds_its_good_partners()
    {
        var app = await zone.App(Db.Sqlite);
        DemoCollaborationPlan plan;
        List<Need> stored;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var seed = scope.ServiceProvider.GetRequiredService<IOptions<LingjingOptions>>().Value.DemoSeed;
            plan = await DemoCollaborationSeeder.PlanAsync(data, seed, DateTime.UtcNow, CancellationToken.None);
            stored = await data.Set<Need>().AsNoTracking().Where(n => n.Id <= 200).OrderBy(n => n.Id).ToListAsync();
        }
        stored.Select(n => (n.Id, n.Title, n.Segment)).ShouldBe(plan.Needs.Take(200).Select(n => (n.Id, n.Title, n.Segment)), "same seed, same zone, same plan");

        // The government may look at every need's matches: the good partners of the ground truth show among the first ten
        // of most needs that have any.
        var gov = await app.SignedInAsync(DemoAccountGenerator.GovernmentEmail, DemoAccountGenerator.Password);
        var sample = plan.Needs.Where(n => plan.GoodPartners[n.Id].Count > 0).Take(30).ToList();
        var hits = 0;
        foreach (var need in sample)
        {
            var matches = await gov.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{need.Id}/matches?limit=10");
            var owners = matches.GetProperty("matches").EnumerateArray().Select(m => new Party(
                m.GetProperty("enterpriseId").ValueKind == JsonValueKind.Number ? m.GetProperty("enterpriseId").GetInt32() : null,
                m.GetProperty("institutionId").ValueKind == JsonValueKind.Number ? m.GetProperty("institutionId").GetInt32() : null));
            if (owners.Any(plan.GoodPartners[need.Id].Contains)) hits++;
        }
        hits.ShouldBeGreaterThan(sample.Count * 2 / 3, "a good partner among the first ten of most needs");

        var staff = await app.SignedInAsync(DemoAccountGenerator.InstitutionStaffEmail(1), DemoAccountGenerator.Password);
        (await staff.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/feed")).GetArrayLength().ShouldBeGreaterThan(0, "an institution's feed has needs it could answer");
        (await staff.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/offers?mine=true")).GetProperty("total").GetInt32().ShouldBeGreaterThan(1);
    }
}
