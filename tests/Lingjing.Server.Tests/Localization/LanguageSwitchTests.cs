using System.Net;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;

namespace Lingjing.Server.Tests.Localization;

[Collection(TerminalsCollection.Name)]
public sealed class LanguageSwitchTests(TerminalsFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Home_page_renders_in_chinese_after_the_language_switch(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = app.Anonymous();
        var english = PortalBrowser.Text(await client.GetStringAsync("/"));
        english.ShouldContain("<html lang=\"en\"");
        english.ShouldContain("Sign in");

        var switched = await client.GetAsync("/culture/zh-Hans?returnUrl=%2F");

        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PortalBrowser.RedirectPath(switched).ShouldBe("/");
        var chinese = PortalBrowser.Text(await client.GetStringAsync("/"));
        chinese.ShouldContain("<html lang=\"zh-Hans\"");
        chinese.ShouldContain("登录");
        chinese.ShouldContain("实验区数据概览");
        chinese.ShouldNotContain(">Sign in<");
    }

    [Theory, BothDatabases]
    public async Task Terminal_pages_follow_the_chosen_language(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await PortalBrowser.SignedInWithCookieAsync(app, TerminalScene.OperatorA);
        await client.GetAsync("/culture/zh-Hans?returnUrl=%2Fpark");

        var page = PortalBrowser.Text(await client.GetStringAsync("/park"));

        page.ShouldContain("测试园A");
        page.ShouldContain("入驻企业");
    }
}
