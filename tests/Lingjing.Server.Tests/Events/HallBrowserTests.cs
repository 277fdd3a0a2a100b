using System.Net.Http.Json;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.World;
using Lingjing.Server.Tests.World.Media;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Events;

/// <summary>An event's hall in two Chromium pages with fake microphones, with Janus started on loopback by test.sh, one
/// person to an instance of the hall: the organiser (instance 1) steps on stage and speaks, and an attendee at the back of
/// instance 2 sees them on its stage and hears them through Janus's shared room; the attendee raises a hand, is given the
/// microphone and is heard by the organiser in the other instance; a reaction and a chat message reach the organiser; a
/// question asked from the hall is upvoted and answered.</summary>
public sealed class HallBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    // Two pages draw at once under software rendering: small ones keep the frames coming.
    private static readonly ViewportSize Small = new() { Width = 960, Height = 600 };

    [Fact]
    public async Task The_stage_is_heard_across_the_hall_through_Janus_and_the_microphone_goes_to_a_raised_hand()
    {
        // Instances of one person: the two meet only through the stage every instance shares.
        var settings = TestJanus.Settings(peerLimit: 1);
        settings["Lingjing:Events:HallInstanceSize"] = "1";
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, settings, kestrel: true);
        var scene = await EventScene.StartAsync(Db.Sqlite, app);
        var body = scene.Body(startsIn: TimeSpan.FromMinutes(20));
        body["venue"] = "hall";
        var id = await scene.PublishAsync(scene.NorthOperator, body);
        (await (await scene.ClientAsync(scene.Employee)).PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();

        var organiser = await WorldPages.EnterAsync(chromium, app, scene.NorthOperator, $"/world/event/{id}", password: TestUsers.Password, viewport: Small);
        var attendee = await WorldPages.EnterAsync(chromium, app, scene.Employee, $"/world/event/{id}", password: TestUsers.Password, viewport: Small);
        (await attendee.EvaluateAsync<string>("() => window.lingjingWorld.kind")).ShouldBe("hall");
        await Assertions.Expect(attendee.GetByTestId("hall-instances")).ToHaveAttributeAsync("data-yours", "2");
        await Assertions.Expect(attendee.GetByTestId("hall-instances")).ToContainTextAsync("Instance 1");

        // The organiser steps on stage (and walks onto it) and speaks.
        await organiser.GetByTestId("hall-hand").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("hall-panel")).ToHaveAttributeAsync("data-my-place", "stage");
        await organiser.WaitForFunctionAsync("() => window.lingjingWorld.amplified() && !window.lingjingWorld.moving()", null, new() { Timeout = 120_000 });
        await organiser.GetByTestId("media-mic").ClickAsync();
        await organiser.GetByTestId("media-camera").ClickAsync();
        // The attendee walks to the back row, 20 m from the stage: far beyond the hall's 6 m hearing of each other.
        var stageFront = (await organiser.EvaluateAsync<double[]>("() => { const p = window.lingjingWorld.position(); return [p.x, p.z]; }"));
        await WorldPages.WalkToAsync(attendee, stageFront[0], stageFront[1] - 20);

        // The attendee hears the stage, through Janus, more and more of it.
        var organiserId = await organiser.EvaluateAsync<int>("() => window.lingjingWorld.selfId");
        var first = (await WorldPages.ReceivedAsync(attendee, s => s.Any(f => f.Id == organiserId && f.Audio > 0))).Single(f => f.Id == organiserId);
        await WorldPages.ReceivedAsync(attendee, s => s.Any(f => f.Id == organiserId && f.Audio > first.Audio));
        (await attendee.EvaluateAsync<bool>($"() => window.lingjingWorld.media().peers.some(p => p.id === {organiserId} && p.via === 'forwarder')")).ShouldBeTrue();
        await Assertions.Expect(attendee.GetByTestId("hall-speakers")).ToContainTextAsync("on stage");
        // The speaker's camera is on the big screen above the stage.
        await attendee.WaitForFunctionAsync($"() => {{ const s = window.lingjingWorld.roomScreen(); return s.showing && s.peer === {organiserId}; }}");

        // A hand goes up at the back; the organiser gives it the microphone; the organiser hears the attendee.
        await attendee.GetByTestId("hall-hand").ClickAsync();
        await Assertions.Expect(attendee.GetByTestId("hall-panel")).ToHaveAttributeAsync("data-my-place", "hand");
        await organiser.GetByTestId("hall-hands").Locator("button[data-place=microphone]").ClickAsync();
        await attendee.WaitForFunctionAsync("() => window.lingjingWorld.amplified()", null, new() { Timeout = 60_000 });
        await attendee.GetByTestId("media-mic").ClickAsync();
        var attendeeId = await attendee.EvaluateAsync<int>("() => window.lingjingWorld.selfId");
        await WorldPages.ReceivedAsync(organiser, s => s.Any(f => f.Id == attendeeId && f.Audio > 0));

        // Applause and a word in the session's chat reach the stage.
        await attendee.GetByTestId("hall-react").First.ClickAsync();
        await organiser.WaitForFunctionAsync("() => Number(document.querySelector('.hall-reactions')?.dataset.received ?? 0) >= 1");
        await attendee.GetByTestId("hall-say").FillAsync("Thank you for the talk!");
        await attendee.GetByTestId("hall-say").PressAsync("Enter");
        await Assertions.Expect(organiser.GetByTestId("hall-chat")).ToContainTextAsync("Thank you for the talk!");

        // A question from the hall: upvoted on the stage, answered, and the hall sees both.
        await attendee.GetByTestId("hall-ask").FillAsync("Will the recording be shared?");
        await attendee.GetByTestId("hall-ask").PressAsync("Enter");
        var asked = organiser.GetByTestId("hall-questions").Locator("li", new() { HasTextString = "Will the recording be shared?" });
        await asked.Locator("button").ClickAsync();
        await Assertions.Expect(attendee.GetByTestId("hall-questions")).ToContainTextAsync("▲ 1");
        var questionId = await asked.GetAttributeAsync("data-question-id");
        (await (await scene.ClientAsync(scene.NorthOperator)).PostAsJsonAsync($"/api/v1/events/{id}/questions/{questionId}/moderation", new { status = "answered" }))
            .EnsureSuccessStatusCode();
        await Assertions.Expect(attendee.GetByTestId("hall-questions")).ToContainTextAsync("answered");
        // From behind the attendee, looking over the hall to the stage and its screen.
        await attendee.EvaluateAsync("() => window.lingjingWorld.frame(9, 1.2)");
        await WorldPages.ScreenshotAsync(attendee, "event-hall", settleFrames: 10);
        await organiser.Context.CloseAsync();
        await attendee.Context.CloseAsync();
    }
}
