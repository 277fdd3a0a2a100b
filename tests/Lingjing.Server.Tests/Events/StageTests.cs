using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Events;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Features.World;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Events;

/// <summary>An event's hall: its stage (hands raised once however often clicked, organisers bringing people on stage or
/// giving them the microphone, which amplifies them in the hall's world), the session's chat with moderation, reactions
/// counted and passed on, and who may enter the hall when.</summary>
public sealed class StageTests
{
    /// <summary>A forum held in its own hall, starting half an hour from now (its hall is open).</summary>
    private static Dictionary<string, object?> HallBody(EventScene scene, TimeSpan? startsIn = null)
    {
        var body = scene.Body(startsIn: startsIn ?? TimeSpan.FromMinutes(30));
        body["venue"] = "hall";
        return body;
    }

    private static async Task<(EventScene Scene, int Id, HttpClient Organiser)> HallAsync(Db db, TimeSpan? startsIn = null)
    {
        var scene = await EventScene.StartAsync(db);
        var id = await scene.PublishAsync(scene.NorthOperator, HallBody(scene, startsIn));
        return (scene, id, await scene.ClientAsync(scene.NorthOperator));
    }

    private static async Task<Guid> UserIdAsync(EventScene scene, string email)
    {
        await using var scope = scene.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>().FindByEmailAsync(email))!.Id;
    }

    [Theory, BothDatabases]
    public async Task Hands_raised_at_once_count_once_each_and_only_organisers_see_whose_they_are(Db db)
    {
        var (scene, id, organiser) = await HallAsync(db);
        var people = await scene.PeopleAsync(8, "hands");
        var clients = await Task.WhenAll(people.Select(scene.ClientAsync));
        foreach (var c in clients) (await c.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();

        // Everyone at once, the first three twice (a double click, a second tab).
        var raised = await Task.WhenAll(clients.Concat(clients.Take(3)).Select(c => c.PostAsync($"/api/v1/events/{id}/stage/hand", null)));

        raised.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var seenByOrganiser = await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/stage");
        seenByOrganiser.GetProperty("hands").GetArrayLength().ShouldBe(8);
        seenByOrganiser.GetProperty("moderator").GetBoolean().ShouldBeTrue();
        var seenByAudience = await clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/stage");
        seenByAudience.GetProperty("hands").GetArrayLength().ShouldBe(0, "names of hands are the organisers'");
        seenByAudience.GetProperty("handCount").GetInt32().ShouldBe(8);
        seenByAudience.GetProperty("myPlace").GetString().ShouldBe("hand");
        var lowered = await (await clients[0].DeleteAsync($"/api/v1/events/{id}/stage/me")).Content.ReadFromJsonAsync<JsonElement>();
        lowered.GetProperty("myPlace").GetString().ShouldBe("audience");
        lowered.GetProperty("handCount").GetInt32().ShouldBe(7);
    }

    [Theory, BothDatabases]
    public async Task An_organiser_brings_someone_on_stage_and_the_halls_world_amplifies_them_until_sent_back(Db db)
    {
        var (scene, id, organiser) = await HallAsync(db);
        var employee = await scene.ClientAsync(scene.Employee);
        (await employee.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        (await employee.PostAsync($"/api/v1/events/{id}/stage/hand", null)).EnsureSuccessStatusCode();
        var employeeId = await UserIdAsync(scene, scene.Employee);
        var host = scene.App.Service<WorldHost>();
        var hall = $"hall-{id}-1";
        (await host.EnsureWorldAsync(hall, CancellationToken.None)).ShouldBeTrue();

        var placed = await organiser.PutAsJsonAsync($"/api/v1/events/{id}/stage/people/{employeeId}", new { place = "stage" });

        placed.StatusCode.ShouldBe(HttpStatusCode.OK, await placed.Content.ReadAsStringAsync());
        var stage = await placed.Content.ReadFromJsonAsync<JsonElement>();
        stage.GetProperty("speakers").EnumerateArray().Single().GetProperty("place").GetString().ShouldBe("stage");
        stage.GetProperty("handCount").GetInt32().ShouldBe(0, "the hand became a place on stage");
        await UntilAsync(() => host.Node.FindWorld(hall)!.Amplified.Contains(employeeId.ToString()), "the hall amplifies the speaker");

        (await organiser.PutAsJsonAsync($"/api/v1/events/{id}/stage/people/{employeeId}", new { place = "audience" })).EnsureSuccessStatusCode();
        await UntilAsync(() => host.Node.FindWorld(hall)!.Amplified.Count == 0, "back in the audience, not amplified");

        // The organiser's microphone survives the hall closing: a new copy of the world starts with it.
        var organiserId = await UserIdAsync(scene, scene.NorthOperator);
        (await organiser.PutAsJsonAsync($"/api/v1/events/{id}/stage/people/{organiserId}", new { place = "microphone" })).EnsureSuccessStatusCode();
        var definition = await DefineAsync(scene, hall);
        definition!.Amplified.ShouldBe([organiserId.ToString()]);
    }

    [Theory, BothDatabases]
    public async Task Placing_is_for_organisers_and_for_people_with_a_place_at_the_event(Db db)
    {
        var (scene, id, organiser) = await HallAsync(db);
        var employee = await scene.ClientAsync(scene.Employee);
        (await employee.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        var employeeId = await UserIdAsync(scene, scene.Employee);
        var stranger = await UserIdAsync(scene, scene.SouthOperator);

        (await employee.PutAsJsonAsync($"/api/v1/events/{id}/stage/people/{employeeId}", new { place = "stage" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "the audience does not put itself on stage");
        (await organiser.PutAsJsonAsync($"/api/v1/events/{id}/stage/people/{stranger}", new { place = "microphone" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "someone without a place at the event");
        var wrong = await organiser.PutAsJsonAsync($"/api/v1/events/{id}/stage/people/{employeeId}", new { place = "balcony" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("place")[0].GetString()!.ShouldContain("stage, microphone, audience");
        (await (await scene.ClientAsync(scene.SouthOperator)).PostAsync($"/api/v1/events/{id}/stage/hand", null))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not registered");
    }

    [Theory, BothDatabases]
    public async Task The_chat_keeps_each_sessions_messages_one_a_second_per_person_and_hidden_ones_from_everyone(Db db)
    {
        var (scene, id, organiser) = await HallAsync(db, TimeSpan.FromMinutes(5));
        var employee = await scene.ClientAsync(scene.Employee);
        (await employee.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        (await employee.PostAsJsonAsync($"/api/v1/events/{id}/chat", new { text = "Early, in the lobby" })).EnsureSuccessStatusCode();
        // The opening session has begun (a little early): the chat is that session's from now on.
        await using (var scope = scene.App.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var opening = context.Set<EventSession>().Where(s => s.EventId == id).OrderBy(s => s.StartsAt).First();
            opening.StartsAt = TestClock.Now.UtcDateTime.AddMinutes(-1);
            await context.SaveChangesAsync();
        }
        await Task.Delay(1_100); // one message a second

        var first = await employee.PostAsJsonAsync($"/api/v1/events/{id}/chat", new { text = "Hello from Hangzhou" });
        var second = await employee.PostAsJsonAsync($"/api/v1/events/{id}/chat", new { text = "and again" });
        var empty = await organiser.PostAsJsonAsync($"/api/v1/events/{id}/chat", new { text = "  " });
        var organisers = await organiser.PostAsJsonAsync($"/api/v1/events/{id}/chat", new { text = "Welcome, everyone" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var line = await first.Content.ReadFromJsonAsync<JsonElement>();
        line.GetProperty("sessionId").ValueKind.ShouldBe(JsonValueKind.Number);
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("One message a second, please.");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        organisers.EnsureSuccessStatusCode();
        var spam = line.GetProperty("id").GetInt64();
        (await employee.PostAsync($"/api/v1/events/{id}/chat/{spam}/hide", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the audience does not moderate");
        (await organiser.PostAsync($"/api/v1/events/{id}/chat/{spam}/hide", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = await employee.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/chat");
        lines.EnumerateArray().Select(l => l.GetProperty("text").GetString()).ShouldBe(["Welcome, everyone"], "the session's chat, not the lobby's");
        (await (await scene.ClientAsync(scene.SouthOperator)).GetAsync($"/api/v1/events/{id}/chat")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reactions_of_many_people_reach_the_stream_as_counts_and_a_person_reacting_too_often_is_told()
    {
        var (scene, id, organiser) = await HallAsync(Db.Sqlite);
        var people = await scene.PeopleAsync(6, "clap");
        var clients = await Task.WhenAll(people.Select(scene.ClientAsync));
        foreach (var c in clients) (await c.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await organiser.GetAsync($"/api/v1/events/{id}/floor/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        await NextAsync(reader, "stage", cancel.Token);

        var reacted = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/v1/events/{id}/reactions", new { emoji = "👏" })));
        var again = await clients[0].PostAsJsonAsync($"/api/v1/events/{id}/reactions", new { emoji = "👏" });
        var unknown = await clients[1].PostAsJsonAsync($"/api/v1/events/{id}/reactions", new { emoji = "💩" });

        reacted.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var counted = 0;
        while (counted < 6) counted += JsonDocument.Parse(await NextAsync(reader, "reaction", cancel.Token)).RootElement.GetProperty("👏").GetInt32();
        counted.ShouldBe(6);
        (await (await scene.ClientAsync(scene.SouthOperator)).PostAsJsonAsync($"/api/v1/events/{id}/reactions", new { emoji = "👏" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, BothDatabases]
    public async Task The_hall_opens_an_hour_before_the_start_to_the_people_registered_and_the_organisers(Db db)
    {
        var (scene, id, organiser) = await HallAsync(db);
        var later = await scene.PublishAsync(scene.NorthOperator, HallBody(scene, TimeSpan.FromHours(3)));
        var employee = await scene.ClientAsync(scene.Employee);

        var unregistered = await employee.GetAsync($"/api/v1/events/{id}/hall/scene");
        (await employee.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        (await employee.PostAsJsonAsync($"/api/v1/events/{later}/registrations", new { })).EnsureSuccessStatusCode();
        var scene1 = await employee.GetAsync($"/api/v1/events/{id}/hall/scene");
        var early = await employee.GetAsync($"/api/v1/events/{later}/hall/scene");

        unregistered.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unregistered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("event.hall-not-registered");
        scene1.StatusCode.ShouldBe(HttpStatusCode.OK);
        var hall = await scene1.Content.ReadFromJsonAsync<JsonElement>();
        hall.GetProperty("kind").GetString().ShouldBe("hall");
        hall.GetProperty("worldId").GetString().ShouldBe($"hall-{id}-1");
        hall.GetProperty("stage").GetArrayLength().ShouldBe(4);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("event.hall-not-open");
        (await organiser.GetAsync($"/api/v1/events/{id}/hall/scene")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var notAHall = await scene.PublishAsync(scene.NorthOperator);
        (await organiser.GetAsync($"/api/v1/events/{notAHall}/hall/scene")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Admission to the realtime world follows the same rule.
        await using var scope = scene.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IWorldSource>().Single(s => s.Name == "event");
        var employeeId = await UserIdAsync(scene, scene.Employee);
        var principal = await PrincipalAsync(scene, scene.Employee);
        (await source.OpenToAsync(employeeId, principal, CancellationToken.None)).ShouldContain($"hall-{id}-1");
        (await source.OpenToAsync(employeeId, principal, CancellationToken.None)).ShouldNotContain($"hall-{later}-1");
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(EventScene scene, string email)
    {
        await using var scope = scene.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<LingjingUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private static async Task<Lingjing.World.WorldDefinition?> DefineAsync(EventScene scene, string worldId)
    {
        await using var scope = scene.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetServices<IWorldSource>().Single(s => s.Owns(worldId)).DefineAsync(worldId, CancellationToken.None);
    }

    private static async Task<string> NextAsync(StreamReader reader, string eventName, CancellationToken ct)
    {
        var current = "";
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal)) current = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal) && current == eventName) return line[5..].Trim();
        }
        throw new EndOfStreamException();
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            if (waited > 20_000) throw new ShouldAssertException($"Never true: {what}");
            await Task.Delay(50);
        }
    }
}
