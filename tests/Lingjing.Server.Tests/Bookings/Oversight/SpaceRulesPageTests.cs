using System.Globalization;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Lingjing.Server.Features.Bookings.Oversight.Pages;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Localization;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;

namespace Lingjing.Server.Tests.Bookings.Oversight;

/// <summary>/park/spaces/{id}/rules: the operator edits a space's rules and blackout days through
/// static forms; SpaceRulesService validates, and its messages appear next to the fields.</summary>
public sealed class SpaceRulesPageTests
{
    [Theory, BothDatabases]
    public async Task Rules_form_shows_field_errors_and_saves_valid_rules(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db, bookings: false);
        var pages = await scene.CookieAsync(OversightScene.OperatorA);
        var path = $"/park/spaces/{scene.Studio}/rules";

        var first = await pages.GetAsync(path);
        var form = PortalBrowser.Text(await first.Content.ReadAsStringAsync());
        first.StatusCode.ShouldBe(HttpStatusCode.OK, form.Length > 4000 ? form[^4000..] : form);
        form.ShouldContain("value=\"10:00\"");
        form.ShouldContain("No blackout days");

        var invalid = await PortalBrowser.PostFormAsync(pages, path, "space-rules", Fields(opensAt: "9am", maxMinutes: "20", quota: "lots", monday: false, tuesday: false));
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = PortalBrowser.Text(await invalid.Content.ReadAsStringAsync());
        errors.ShouldContain("data-field-error=\"opensAt\">Use a time like 09:00.");
        errors.ShouldContain("data-field-error=\"maxMinutes\">Use multiples of 15 minutes.");
        errors.ShouldContain("data-field-error=\"weeklyQuotaPerEnterprise\">Between 1 and 100.");
        errors.ShouldContain("value=\"lots\"");
        (await RulesAsync(scene)).GetProperty("opensAt").GetString().ShouldBe("10:00");

        var saved = await PortalBrowser.PostFormAsync(pages, path, "space-rules", Fields(opensAt: "08:30", maxMinutes: "180", quota: "3", monday: true, tuesday: false));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PortalBrowser.RedirectPath(saved).ShouldBe(path + "?saved=true");
        var rules = await RulesAsync(scene);
        rules.GetProperty("opensAt").GetString().ShouldBe("08:30");
        rules.GetProperty("maxMinutes").GetInt32().ShouldBe(180);
        rules.GetProperty("weeklyQuotaPerEnterprise").GetInt32().ShouldBe(3);
        rules.GetProperty("requiresApproval").GetBoolean().ShouldBeTrue();
        rules.GetProperty("audience").GetString().ShouldBe(BookingAudience.ParkTenants);
        rules.GetProperty("openDays").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([1, 3, 5]);

        var blank = await PortalBrowser.PostFormAsync(pages, path, "space-rules", Fields(opensAt: "08:30", maxMinutes: "180", quota: " ", monday: true, tuesday: false));
        blank.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RulesAsync(scene)).GetProperty("weeklyQuotaPerEnterprise").ValueKind.ShouldBe(JsonValueKind.Null, "blank means no limit");
    }

    [Theory, BothDatabases]
    public async Task Blackout_days_are_added_with_a_reason_checked_and_removed(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db, bookings: false);
        var pages = await scene.CookieAsync(OversightScene.OperatorA);
        var path = $"/park/spaces/{scene.Studio}/rules";

        var backwards = await PortalBrowser.PostFormAsync(pages, path, "add-blackout",
            new() { ["NewBlackout.FirstDay"] = "2030-04-05", ["NewBlackout.LastDay"] = "2030-04-01", ["NewBlackout.Reason"] = "Qingming" });
        PortalBrowser.Text(await backwards.Content.ReadAsStringAsync()).ShouldContain("The last day must not be before the first day.");
        var notADate = await PortalBrowser.PostFormAsync(pages, path, "add-blackout",
            new() { ["NewBlackout.FirstDay"] = "April", ["NewBlackout.LastDay"] = "", ["NewBlackout.Reason"] = "" });
        var notADateText = PortalBrowser.Text(await notADate.Content.ReadAsStringAsync());
        notADateText.ShouldContain("Use a date like 2026-12-01.");

        var added = await PortalBrowser.PostFormAsync(pages, path, "add-blackout",
            new() { ["NewBlackout.FirstDay"] = "2030-04-04", ["NewBlackout.LastDay"] = "2030-04-06", ["NewBlackout.Reason"] = "Qingming festival" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var blackout = (await RulesAsync(scene)).GetProperty("blackouts").EnumerateArray().Single();
        blackout.GetProperty("reason").GetString().ShouldBe("Qingming festival");
        var id = blackout.GetProperty("id").GetInt32();
        var page = PortalBrowser.Text(await pages.GetStringAsync(path + "?blackout=added"));
        page.ShouldContain("Qingming festival");
        page.ShouldContain("4 Apr 2030 – 6 Apr 2030");

        var removed = await PortalBrowser.PostFormAsync(pages, path, $"remove-blackout-{id}", new() { ["BlackoutId"] = id.ToString(CultureInfo.InvariantCulture) });
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RulesAsync(scene)).GetProperty("blackouts").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Messages_of_the_rules_and_blackout_forms_have_chinese_translations()
    {
        var chinese = JsonStringLocalizer.TableFor("zh-Hans")!;
        var broken = new[]
        {
            new SpaceRulesUpdate("9", "9", [], 0, 7, 10, 5, 300, 0, 0, false, "aliens", 1).Validate(out _, out _, out _),
            new SpaceRulesUpdate("09:00", "09:00", [8], 5, 30, 60, 45, 0, 30, null, false, BookingAudience.SignedIn, 15).Validate(out _, out _, out _),
            new SpaceRulesUpdate("09:00", "17:00", [1], 5, 120, 15, 60, 0, 30, 200, false, BookingAudience.SignedIn, 15).Validate(out _, out _, out _),
        };
        var messages = broken.SelectMany(e => e.ToDictionary().Values.SelectMany(v => v))
            .Concat(["The last day must not be before the first day.", $"At most {SpaceRulesService.MaxBlackoutDays} days at once.", "Use a date like 2026-12-01."])
            .Distinct().ToList();

        messages.Count.ShouldBeGreaterThan(12);
        messages.Where(m => !chinese.ContainsKey(m)).ShouldBeEmpty();
    }

    [Fact]
    public void Form_text_that_is_not_a_number_becomes_an_out_of_range_value()
    {
        var update = new SpaceRulesForm { OpensAt = "09:00", ClosesAt = "17:00", Friday = true, Capacity = "ten", WeeklyQuotaPerEnterprise = "" }.ToUpdate();

        update.Capacity.ShouldBe(-1);
        update.WeeklyQuotaPerEnterprise.ShouldBeNull();
        update.OpenDays.ShouldBe([5]);
    }

    private static Dictionary<string, string> Fields(string opensAt, string maxMinutes, string quota, bool monday, bool tuesday)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.OpensAt"] = opensAt, ["Form.ClosesAt"] = "16:00", ["Form.Wednesday"] = "True", ["Form.Friday"] = "True",
            ["Form.Capacity"] = "24", ["Form.DefaultMinutes"] = "60", ["Form.MinMinutes"] = "30", ["Form.MaxMinutes"] = maxMinutes,
            ["Form.BufferMinutes"] = "15", ["Form.MaxDaysAhead"] = "45", ["Form.WeeklyQuotaPerEnterprise"] = quota,
            ["Form.RequiresApproval"] = "True", ["Form.Audience"] = BookingAudience.ParkTenants, ["Form.NoShowReleaseMinutes"] = "20",
        };
        if (monday) fields["Form.Monday"] = "True";
        if (tuesday) fields["Form.Tuesday"] = "True";
        return fields;
    }

    private static async Task<JsonElement> RulesAsync(OversightScene scene) =>
        await (await scene.BearerAsync(OversightScene.OperatorA)).GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{scene.Studio}/rules");
}
