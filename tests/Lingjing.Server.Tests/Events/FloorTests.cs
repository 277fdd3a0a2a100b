using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Events;

/// <summary>The floor of an event: questions upvoted once per person however many click at once, moderated by the
/// organisers; polls answered once per person with live results; only people with a place and organisers take part.</summary>
public sealed class FloorTests
{
    [Theory, BothDatabases]
    public async Task Twelve_people_upvoting_at_once_count_twelve_and_a_hidden_question_leaves_the_audiences_list(Db db)
    {
        var scene = await EventScene.StartAsync(db);
        var id = await scene.PublishAsync(scene.NorthOperator);
        var people = await scene.PeopleAsync(12, "audience");
        var clients = await Task.WhenAll(people.Select(scene.ClientAsync));
        foreach (var c in clients) (await c.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        var asked = await clients[0].PostAsJsonAsync($"/api/v1/events/{id}/questions", new { text = "How do parks share twin data?" });
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var question = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var spam = (await (await clients[1].PostAsJsonAsync($"/api/v1/events/{id}/questions", new { text = "buy followers" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var upvotes = await Task.WhenAll(clients.Concat(clients.Take(4)).Select(c => c.PostAsync($"/api/v1/events/{id}/questions/{question}/upvote", null)));

        upvotes.ShouldAllBe(u => u.StatusCode == HttpStatusCode.OK, "a second upvote changes nothing and is no error");
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        (await organiser.PostAsJsonAsync($"/api/v1/events/{id}/questions/{spam}/moderation", new { status = "hidden" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clients[2].PostAsJsonAsync($"/api/v1/events/{id}/questions/{spam}/moderation", new { status = "answered" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "the audience does not moderate");
        var floor = await clients[5].GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/floor");
        var listed = floor.GetProperty("questions").EnumerateArray().ToList();
        listed.ShouldHaveSingleItem().GetProperty("upvotes").GetInt32().ShouldBe(12);
        listed[0].GetProperty("upvotedByMe").GetBoolean().ShouldBeTrue();
        (await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/floor")).GetProperty("questions").GetArrayLength().ShouldBe(2, "organisers see hidden ones");
    }

    [Theory, BothDatabases]
    public async Task A_poll_is_answered_once_per_person_and_its_results_add_up(Db db)
    {
        var scene = await EventScene.StartAsync(db);
        var id = await scene.PublishAsync(scene.NorthOperator);
        var people = await scene.PeopleAsync(9, "voter");
        var clients = await Task.WhenAll(people.Select(scene.ClientAsync));
        foreach (var c in clients) (await c.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        var bad = await organiser.PostAsJsonAsync($"/api/v1/events/{id}/polls", new { question = "Which?", options = new[] { "Only one" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var poll = await (await organiser.PostAsJsonAsync($"/api/v1/events/{id}/polls", new { question = "Next year's theme?", options = new[] { "AI", "XR", "Heritage" } }))
            .Content.ReadFromJsonAsync<int>();

        var answers = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync($"/api/v1/events/{id}/polls/{poll}/votes", new { option = i % 3 }))
            .Concat(clients.Take(3).Select((c, i) => c.PostAsJsonAsync($"/api/v1/events/{id}/polls/{poll}/votes", new { option = i % 3 }))));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(9, string.Join(", ", answers.Select(a => a.StatusCode)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        (await clients[0].PostAsJsonAsync($"/api/v1/events/{id}/polls/{poll}/votes", new { option = 7 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var result = (await clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/floor")).GetProperty("polls")[0];
        result.GetProperty("votes").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([3, 3, 3]);
        result.GetProperty("myVote").GetInt32().ShouldBe(0);
        (await organiser.PostAsync($"/api/v1/events/{id}/polls/{poll}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var late = await (await scene.ClientAsync(scene.Employee)).PostAsJsonAsync($"/api/v1/events/{id}/polls/{poll}/votes", new { option = 0 });
        late.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not registered");
    }

    [Fact]
    public async Task The_floor_stream_sends_a_new_question_to_everyone_watching()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync(scene.NorthOperator);
        var employee = await scene.ClientAsync(scene.Employee);
        (await employee.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        (await (await scene.ClientAsync(scene.SouthOperator)).GetAsync($"/api/v1/events/{id}/floor/stream")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await organiser.GetAsync($"/api/v1/events/{id}/floor/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        (await NextFloorAsync(reader, cancel.Token)).ShouldNotContain("Will the slides be shared?");

        await employee.PostAsJsonAsync($"/api/v1/events/{id}/questions", new { text = "Will the slides be shared?" });

        (await NextFloorAsync(reader, cancel.Token)).ShouldContain("Will the slides be shared?");
    }

    private static async Task<string> NextFloorAsync(StreamReader reader, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains("\"questions\"", StringComparison.Ordinal)) return line;
        throw new EndOfStreamException();
    }
}
