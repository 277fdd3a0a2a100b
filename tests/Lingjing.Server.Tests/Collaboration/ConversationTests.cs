using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.PolicyServices;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>Conversations between the parties of a need or an offer: one thread per topic and starter, live in the
/// browser's stream, read state and notifications, attachments through the platform's upload checks, invitations to
/// meet, limits; only the two sides can see a thread.</summary>
public sealed class ConversationTests
{
    private const string Conversations = "/api/v1/collaboration/conversations";

    [Theory, BothDatabases]
    public async Task Two_enterprises_talk_about_a_need_live_with_read_state_notifications_and_an_attachment(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var studio = await scene.ClientAsync(scene.Studio);
        var museum = await scene.ClientAsync(scene.Museum);

        var started = await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/conversations", new { body = "我们做过三维动画纪录片，可以聊聊吗？" });
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var thread = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = thread.GetProperty("conversation").GetProperty("id").GetInt32();
        started.Headers.Location!.ToString().ShouldBe($"{Conversations}/{id}");
        thread.GetProperty("conversation").GetProperty("counterpart").GetProperty("nameEn").GetString().ShouldBe("City Museum");
        var again = await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/conversations", new { body = "Our showreel is attached below." });
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversation").GetProperty("id").GetInt32().ShouldBe(id, "the same thread continues");

        var inbox = await museum.GetFromJsonAsync<JsonElement>(Conversations);
        var row = inbox.GetProperty("items").EnumerateArray().Single();
        (row.GetProperty("unread").GetInt32(), row.GetProperty("mySide").GetString(), row.GetProperty("subject").GetString(), row.GetProperty("lastMessagePreview").GetString())
            .ShouldBe((2, "other", "3D animation studio for a museum project", "Our showreel is attached below."));
        (await museum.GetFromJsonAsync<JsonElement>($"{Conversations}/unread")).GetProperty("count").GetInt32().ShouldBe(2);
        var notices = (await museum.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "collaboration.message").ToList();
        notices.Count.ShouldBe(1, "one notification per thread until it is read");
        notices[0].GetProperty("link").GetString().ShouldBe($"/collaboration/conversations/{id}");

        await using var stream = await EventStream.OpenAsync(museum, $"{Conversations}/{id}/stream");
        var first = await stream.NextAsync("thread");
        var reply = await SendFileAsync(museum, id, "Here is our brief.", "brief.pdf", PolicyScene.Pdf(3_000));
        reply.StatusCode.ShouldBe(HttpStatusCode.Created, await reply.Content.ReadAsStringAsync());
        var changed = await stream.NextAsync("thread", t => t.GetProperty("lastMessageId").GetInt32() > first.GetProperty("lastMessageId").GetInt32());
        var seen = await studio.GetFromJsonAsync<JsonElement>($"{Conversations}/{id}");
        var last = seen.GetProperty("messages").EnumerateArray().Last();
        last.GetProperty("id").GetInt32().ShouldBe(changed.GetProperty("lastMessageId").GetInt32());
        (last.GetProperty("mine").GetBoolean(), last.GetProperty("body").GetString()).ShouldBe((false, "Here is our brief."));
        var attachment = last.GetProperty("attachment");
        (attachment.GetProperty("name").GetString(), attachment.GetProperty("contentType").GetString()).ShouldBe(("brief.pdf", "application/pdf"));
        (await studio.GetByteArrayAsync(attachment.GetProperty("url").GetString())).ShouldBe(PolicyScene.Pdf(3_000));
        seen.GetProperty("readByOtherTo").GetInt32().ShouldBe(last.GetProperty("id").GetInt32(), "the museum has read up to its own reply");

        (await studio.PostAsJsonAsync($"{Conversations}/{id}/read", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await studio.GetFromJsonAsync<JsonElement>($"{Conversations}/unread")).GetProperty("count").GetInt32().ShouldBe(0);

        var printer = await scene.ClientAsync(scene.Printer);
        (await printer.GetAsync($"{Conversations}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only the two sides see a thread");
        (await printer.GetAsync(attachment.GetProperty("url").GetString())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await printer.PostAsJsonAsync($"{Conversations}/{id}/messages", new { body = "hello" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await printer.GetAsync($"{Conversations}/{id}/stream")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await scene.ClientAsync(scene.StudioEmployee)).GetAsync(Conversations)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "employees read, they do not talk for the enterprise");
        var own = await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/conversations", new { body = "me" });
        (own.StatusCode, await Code(own)).ShouldBe((HttpStatusCode.Conflict, "conversation.own"));
    }

    [Theory, BothDatabases]
    public async Task An_institution_is_written_to_about_its_offer_and_answers_through_its_staff(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var firm = await scene.ClientAsync(scene.LawFirm);
        var published = await firm.PostAsJsonAsync("/api/v1/collaboration/offers", new { kind = "service", title = "著作权登记", segment = "legal-ip-services" });
        var offer = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var museum = await scene.ClientAsync(scene.Museum);

        var started = await museum.PostAsJsonAsync($"/api/v1/collaboration/offers/{offer}/conversations", new { body = "能否代办十二件文创产品的著作权登记？" });
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversation").GetProperty("id").GetInt32();

        var row = (await firm.GetFromJsonAsync<JsonElement>($"{Conversations}?unread=true")).GetProperty("items").EnumerateArray().Single();
        (row.GetProperty("id").GetInt32(), row.GetProperty("topic").GetString(), row.GetProperty("counterpart").GetProperty("nameEn").GetString())
            .ShouldBe((id, "offer", "City Museum"));
        (await firm.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("items").EnumerateArray()
            .ShouldContain(n => n.GetProperty("link").GetString() == $"/collaboration/conversations/{id}", "the institution's staff are told");
        var answered = await firm.PostAsJsonAsync($"{Conversations}/{id}/messages", new { body = "可以，两周内完成。" });
        answered.StatusCode.ShouldBe(HttpStatusCode.Created);
        var museumRow = (await museum.GetFromJsonAsync<JsonElement>(Conversations)).GetProperty("items").EnumerateArray().Single();
        (museumRow.GetProperty("unread").GetInt32(), museumRow.GetProperty("counterpart").GetProperty("kind").GetString()).ShouldBe((1, "institution"));
        var own = await firm.PostAsJsonAsync($"/api/v1/collaboration/offers/{offer}/conversations", new { body = "me" });
        own.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    public static TheoryData<string, string> BadMessages => new()
    {
        { "empty", "body" },
        { "too-long", "body" },
        { "renamed-executable", "attachment" },
        { "two-files", "" },
        { "malformed-json", "" },
        { "plain-text", "" },
    };

    [Theory, MemberData(nameof(BadMessages))]
    public async Task A_bad_message_gets_400_with_a_clear_reason_and_nothing_is_stored(string kind, string field)
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var studio = await scene.ClientAsync(scene.Studio);
        var url = $"/api/v1/collaboration/needs/{need}/conversations";

        var response = kind switch
        {
            "empty" => await studio.PostAsJsonAsync(url, new { body = "  " }),
            "too-long" => await studio.PostAsJsonAsync(url, new { body = new string('字', 4001) }),
            "renamed-executable" => await studio.PostAsync(url, Form("see attached", ("brief.pdf", "MZ\x90\0 not a pdf"u8.ToArray()))),
            "two-files" => await studio.PostAsync(url, Form("two", ("a.pdf", PolicyScene.Pdf()), ("b.pdf", PolicyScene.Pdf()))),
            "malformed-json" => await studio.PostAsync(url, new StringContent("{\"body\": ", Encoding.UTF8, "application/json")),
            _ => await studio.PostAsync(url, new StringContent("hello", Encoding.UTF8, "text/plain")),
        };

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        if (field.Length > 0) problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
        (await (await scene.ClientAsync(scene.Museum)).GetFromJsonAsync<JsonElement>(Conversations)).GetProperty("total").GetInt32()
            .ShouldBe(0, "no thread was started");
    }

    [Theory, BothDatabases]
    public async Task People_of_one_enterprise_writing_at_once_share_one_thread_and_every_message_counts(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var writers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var email = SharedApps.Email($"studio.colleague{i}");
            await TestUsers.CreateAsync(scene.App, email, Roles.EnterpriseMember, enterpriseId: scene.StudioId);
            return await scene.ClientAsync(email);
        }));

        var responses = await Task.WhenAll(writers.Select((client, i) =>
            client.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/conversations", new { body = $"Colleague {i} here." })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversation").GetProperty("id").GetInt32()));
        ids.Distinct().Count().ShouldBe(1, "one thread per need and enterprise, however many start it at once");
        var museum = await scene.ClientAsync(scene.Museum);
        (await museum.GetFromJsonAsync<JsonElement>($"{Conversations}/unread")).GetProperty("count").GetInt32().ShouldBe(8);
        (await museum.GetFromJsonAsync<JsonElement>($"{Conversations}/{ids[0]}")).GetProperty("messages").GetArrayLength().ShouldBe(8);
    }

    [Fact]
    public async Task Starting_threads_and_sending_messages_past_their_limits_gets_429()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, new Dictionary<string, string?>
        {
            ["Lingjing:Collaboration:ConversationsPerDay"] = "1", ["Lingjing:Collaboration:MessagesPerHour"] = "3",
        });
        var scene = await CollaborationScene.StartAsync(Db.Sqlite, app);
        var first = await scene.PublishNeedAsync(scene.Museum);
        var second = await scene.PublishNeedAsync(scene.Museum, CollaborationScene.NeedBody("Printed catalogue"));
        var studio = await scene.ClientAsync(scene.Studio);
        (await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{first}/conversations", new { body = "1" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var another = await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{second}/conversations", new { body = "2" });
        (another.StatusCode, await Code(another)).ShouldBe((HttpStatusCode.TooManyRequests, "collaboration.conversation-limit"));
        (await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{first}/conversations", new { body = "2" })).StatusCode.ShouldBe(HttpStatusCode.Created, "continuing is not starting");
        (await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{first}/conversations", new { body = "3" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var fourth = await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{first}/conversations", new { body = "4" });
        (fourth.StatusCode, await Code(fourth)).ShouldBe((HttpStatusCode.TooManyRequests, "collaboration.message-limit"));
        (await (await scene.ClientAsync(scene.Museum)).GetFromJsonAsync<JsonElement>($"{Conversations}/unread")).GetProperty("count").GetInt32().ShouldBe(3);
    }

    [Theory, BothDatabases]
    public async Task An_invitation_books_a_meeting_room_whose_world_room_the_other_side_enters_by_the_invitation(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        int room;
        await using (var scope = scene.App.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var space = ZoneRows.Space(scene.North, "Loft meeting room");
            context.Add(space);
            await context.SaveChangesAsync();
            room = space.Id;
        }
        var need = await scene.PublishNeedAsync(scene.Museum);
        var studio = await scene.ClientAsync(scene.Studio);
        var started = await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/conversations", new { body = "Shall we meet?" });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversation").GetProperty("id").GetInt32();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var day = TimeZoneInfo.ConvertTime(scene.App.Services.GetRequiredService<TimeProvider>().GetUtcNow(), zone).Date.AddDays(3);
        string At(int hour) => new DateTimeOffset(day.AddHours(hour), TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        var invited = await studio.PostAsJsonAsync($"{Conversations}/{id}/meetings", new
        {
            kind = "meeting_room", spaceId = room, start = At(10), end = At(11), note = "Our showreel on the big screen.",
        });

        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var mine = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages").EnumerateArray().Last();
        var meeting = mine.GetProperty("meeting");
        var booking = meeting.GetProperty("bookingId").GetGuid();
        (meeting.GetProperty("kind").GetString(), meeting.GetProperty("placeEn").GetString(), meeting.GetProperty("link").GetString())
            .ShouldBe(("meeting_room", "Loft meeting room", $"/bookings/{booking}"));
        var booked = await studio.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{booking}");
        booked.GetProperty("purpose").GetString().ShouldBe("Meeting: 3D animation studio for a museum project");
        var museum = await scene.ClientAsync(scene.Museum);
        var theirs = (await museum.GetFromJsonAsync<JsonElement>($"{Conversations}/{id}")).GetProperty("messages").EnumerateArray().Last().GetProperty("meeting");
        var invitation = theirs.GetProperty("link").GetString()!;
        invitation.ShouldStartWith($"/world/meeting/{booking:N}?invite=");
        (await museum.GetAsync($"/api/v1/world/meetings/{booking}/scene")).StatusCode.ShouldNotBe(HttpStatusCode.OK, "not an invitee before opening the invitation");
        (await museum.GetAsync(invitation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await museum.GetAsync($"/api/v1/bookings/{booking}/meeting")).StatusCode.ShouldBe(HttpStatusCode.OK, "the invitation made the museum an invitee");

        var clash = await museum.PostAsJsonAsync($"{Conversations}/{id}/meetings", new { kind = "meeting_room", spaceId = room, start = At(10), end = At(11) });
        (clash.StatusCode, await Code(clash)).ShouldBe((HttpStatusCode.Conflict, "booking.taken"), "the bookings feature's rules decide");
        var world = await museum.PostAsJsonAsync($"{Conversations}/{id}/meetings", new { kind = "park_world", start = At(14), end = At(15) });
        world.StatusCode.ShouldBe(HttpStatusCode.Created, await world.Content.ReadAsStringAsync());
        var inWorld = (await world.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages").EnumerateArray().Last().GetProperty("meeting");
        (inWorld.GetProperty("kind").GetString(), inWorld.GetProperty("placeEn").GetString(), inWorld.GetProperty("link").GetString())
            .ShouldBe(("park_world", "North Park", $"/world/{scene.North}"));
        var past = await museum.PostAsJsonAsync($"{Conversations}/{id}/meetings", new { kind = "park_world", start = "2020-01-01T10:00:00+08:00", end = "2020-01-01T11:00:00+08:00" });
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("start").GetArrayLength().ShouldBe(1);
    }

    private static async Task<HttpResponseMessage> SendFileAsync(HttpClient client, int id, string body, string name, byte[] bytes) =>
        await client.PostAsync($"{Conversations}/{id}/messages", Form(body, (name, bytes)));

    private static MultipartFormDataContent Form(string body, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(body), "body" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "attachment", name);
        }
        return form;
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;
}
