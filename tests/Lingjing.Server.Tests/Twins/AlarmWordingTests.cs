using Lingjing.Server.Features.Twins.Alarms;
using Lingjing.Server.Features.Twins.Models;
using static Lingjing.Server.Tests.Twins.TwinsTestData;

namespace Lingjing.Server.Tests.Twins;

/// <summary>Alarm messages read like a person wrote them, in English and Chinese, with the units of the DTDL model.</summary>
public sealed class AlarmWordingTests
{
    private static readonly AlarmWording Wording = new(new TwinModelCatalog());

    private static AlarmRule Rule(string model, string telemetry, string kind, string comparison, double threshold, int window) => new()
    {
        ModelId = model, Telemetry = telemetry, Kind = kind, Comparison = comparison, Threshold = threshold, WindowSeconds = window,
        NameEn = "Rule name", NameZh = "规则名称",
    };

    [Fact]
    public void A_threshold_held_for_a_while_says_the_value_the_limit_and_how_long()
    {
        var message = Wording.Raised(Rule(Climate, "temperature", AlarmKinds.Threshold, AlarmComparisons.Above, 26, 300), null, 28.4);

        message.En.ShouldBe("Temperature 28.4 °C, above the 26 °C limit for 5 min");
        message.Zh.ShouldBe("温度 28.4 °C，高于 26 °C 上限，已持续 5 分钟");
    }

    [Fact]
    public void A_lower_limit_in_percent_has_no_space_before_the_sign()
    {
        var message = Wording.Raised(Rule(Climate, "humidity", AlarmKinds.Threshold, AlarmComparisons.Below, 20, 0), null, 12);

        message.En.ShouldBe("Relative humidity 12%, below the 20% limit");
        message.Zh.ShouldBe("相对湿度 12%，低于 20% 下限");
    }

    [Fact]
    public void A_rule_for_one_twin_takes_the_units_of_that_twins_model()
    {
        var rule = Rule(Climate, "co2", AlarmKinds.Threshold, AlarmComparisons.Above, 1200, 90);
        rule.ModelId = null;
        rule.TwinId = "p01-some-air-sensor";

        var message = Wording.Raised(rule, "dtmi:lingjing:AirQualitySensor;1", 1450.5);

        message.En.ShouldBe("CO2 1,450.5 ppm, above the 1,200 ppm limit for 1 min 30 s");
        message.Zh.ShouldBe("二氧化碳 1,450.5 ppm，高于 1,200 ppm 上限，已持续 1 分钟 30 秒");
    }

    [Fact]
    public void A_fast_change_says_the_change_per_minute_and_over_how_long()
    {
        var message = Wording.Raised(Rule(Energy, "power", AlarmKinds.Rate, AlarmComparisons.Above, 100, 120), null, 120);

        message.En.ShouldBe("Power changing +120 kW per minute over 2 min, above the 100 kW per minute limit");
        message.Zh.ShouldBe("功率在 2 分钟内每分钟变化 +120 kW，高于每分钟 100 kW 上限");
    }

    [Fact]
    public void Silence_says_how_long_and_what_is_allowed()
    {
        var message = Wording.Raised(Rule(Machine, "", AlarmKinds.NoData, AlarmComparisons.Above, 0, 600), null, 660);

        message.En.ShouldBe("No readings for 11 min (allowed: 10 min)");
        message.Zh.ShouldBe("已 11 分钟没有读数（允许 10 分钟）");
    }

    [Fact]
    public void A_state_is_named_not_numbered()
    {
        var message = Wording.Raised(Rule(Machine, "state", AlarmKinds.Threshold, AlarmComparisons.Above, 2.5, 0), null, 3);

        message.En.ShouldBe("State: Fault");
        message.Zh.ShouldBe("状态：故障");
    }

    [Theory]
    [InlineData(AlarmKinds.Threshold, "temperature", 30)]
    [InlineData(AlarmKinds.Rate, "temperature", 2)]
    [InlineData(AlarmKinds.NoData, "", 0)]
    public void Messages_name_no_field_and_show_no_rule_syntax(string kind, string telemetry, double threshold)
    {
        var rule = Rule(Climate, telemetry, kind, AlarmComparisons.Above, threshold, 60);
        foreach (var text in new[] { Wording.Raised(rule, null, 31), Wording.Describe(rule, null) }.SelectMany(m => new[] { m.En, m.Zh }))
        {
            text.ShouldNotContain("temperature", Case.Sensitive); // the field; "Temperature" is its display name
            text.ShouldNotContain("threshold");
            text.ShouldNotContain(">");
            text.ShouldNotContain("Rule name");
        }
    }

    [Fact]
    public void A_rule_is_described_in_words_for_its_list()
    {
        var described = Wording.Describe(Rule(Climate, "temperature", AlarmKinds.Threshold, AlarmComparisons.Above, 26, 300), null);

        described.En.ShouldBe("Temperature above 26 °C for 5 min");
        described.Zh.ShouldBe("温度高于 26 °C，持续 5 分钟");
    }

    [Theory]
    [InlineData(45, "45 s", "45 秒")]
    [InlineData(300, "5 min", "5 分钟")]
    [InlineData(5400, "1 h 30 min", "1 小时 30 分钟")]
    [InlineData(7200, "2 h", "2 小时")]
    [InlineData(183_600, "2 d 3 h", "2 天 3 小时")]
    public void Durations_read_in_both_languages(int seconds, string en, string zh)
    {
        AlarmWording.Duration(seconds, zh: false).ShouldBe(en);
        AlarmWording.Duration(seconds, zh: true).ShouldBe(zh);
    }
}
