using System.Diagnostics;
using System.Globalization;
using Lingjing.Server.Features.Demo;
using Lingjing.Server.Features.PolicyServices.Matching;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices.Demo;

/// <summary>Seeds the 120 demo policies after the demo zone, matches them against every enterprise
/// (granting the no-application ones and notifying the eligible), and adds applications in every
/// state with their timelines. Once: recorded in the <see cref="SettingKey"/> setting.</summary>
internal sealed class DemoPolicySeeder(
    LingjingDbContext db,
    PolicyService policies,
    ProfileSnapshotCache profiles,
    IOptions<LingjingOptions> options,
    TimeProvider time,
    ILogger<DemoPolicySeeder> logger) : IDataInitializer
{
    public const string SettingKey = "demo.policies.seeded";
    public const int EditionsPerTemplate = 5;
    private const long SeedLockKey = 83881858788720;

    public int Order => 30;

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (options.Value.Demo) await DemoAddition.SeedOnceAsync(db, SettingKey, SeedLockKey, () => SeedOverNothingAsync(ct), ct);
    }

    private async Task SeedOverNothingAsync(CancellationToken ct)
    {
        if (await db.Set<Policy>().AnyAsync(ct))
        {
            logger.LogWarning("The database already holds policies; the demo policies are not seeded over them");
            return;
        }
        var clock = Stopwatch.StartNew();
        await SeedAsync(ct);
        logger.LogInformation("Seeded {Count} demo policies with matches and applications in {Seconds:0.0} s",
            DemoPolicyCatalogue.Templates.Count * EditionsPerTemplate, clock.Elapsed.TotalSeconds);
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var year = now.Year;
        var random = new Random(options.Value.DemoSeed + 5);
        var generated = Generate(year, now, random);
        db.AddRange(generated);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Matching, entitlements of the no-application policies and notifications, as on publish.
        await policies.RematchAllAsync(ct);
        await SeedApplicationsAsync(now, random, ct);

        db.Set<SystemSetting>().Add(new SystemSetting { Key = SettingKey, Value = now.ToString("O", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(ct);
    }

    internal static List<Policy> Generate(int year, DateTime now, Random random)
    {
        var result = new List<Policy>();
        var templates = DemoPolicyCatalogue.Templates;
        for (var t = 0; t < templates.Count; t++)
        {
            var template = templates[t];
            for (var k = 0; k < EditionsPerTemplate; k++)
            {
                var index = t * EditionsPerTemplate + k;
                var edition = k < 2 ? year - 1 : year;
                var target = DemoPolicyCatalogue.Targets[(t * 3 + k) % DemoPolicyCatalogue.Targets.Count];
                var threshold = template.Thresholds[k];
                string Fill(string text) => text
                    .Replace("{year1}", (edition + 1).ToString(CultureInfo.InvariantCulture))
                    .Replace("{year}", edition.ToString(CultureInfo.InvariantCulture))
                    .Replace("{b}", (k + 1).ToString(CultureInfo.InvariantCulture))
                    .Replace("{catZh}", target.NameZh)
                    .Replace("{catEn}", target.NameEn.ToLowerInvariant())
                    .Replace("{cat}", target.Code)
                    .Replace("{n}", threshold.ToString(CultureInfo.InvariantCulture))
                    .Replace("{p}", threshold.ToString(CultureInfo.InvariantCulture) + "%");
                var titleZh = Fill(template.TitleZh);
                var titleEn = Capitalize(Fill(template.TitleEn));
                if (!template.TitleZh.Contains("{b}") && !template.TitleZh.Contains("{cat"))
                {
                    // Editions of the same year are told apart by their batch.
                    titleZh += $"（第{k + 1}批）";
                    titleEn += $" (batch {k + 1})";
                }
                var summaryZh = Fill(template.SummaryZh);
                var summaryEn = Fill(template.SummaryEn);
                var rule = Fill(template.Rule);
                var validFrom = new DateOnly(edition, 1 + k % 3, 1);
                var validUntil = new DateOnly(edition + 1, 12, 31);
                var status = index % 17 == 5 ? PolicyStatus.Draft : index % 23 == 11 ? PolicyStatus.Withdrawn : PolicyStatus.Published;
                var created = new DateTime(edition, validFrom.Month, 1, 2, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 20));
                if (created > now) created = now.AddDays(-random.Next(1, 30));
                var published = status == PolicyStatus.Draft ? (DateTime?)null : created.AddDays(random.Next(1, 10));
                if (published > now) published = now;
                var phone = $"010-6{random.Next(1_000_000, 9_999_999)}";
                result.Add(new Policy
                {
                    TitleZh = titleZh,
                    TitleEn = titleEn,
                    DepartmentZh = template.DepartmentZh,
                    DepartmentEn = template.DepartmentEn,
                    Level = template.Level,
                    Category = template.Category,
                    SummaryZh = summaryZh,
                    SummaryEn = summaryEn,
                    FullText = FullText(template, titleZh, titleEn, summaryZh, summaryEn, rule, validFrom, validUntil, phone),
                    ValidFrom = validFrom,
                    ValidUntil = validUntil,
                    BenefitAmountYuan = template.Amount,
                    BenefitFormula = template.Formula,
                    BenefitNoteZh = template.BenefitNoteZh,
                    BenefitNoteEn = template.BenefitNoteEn,
                    GuideTargets = $"{Fill(template.SummaryZh)}\n{summaryEn}",
                    GuideConditions = rule,
                    GuideMaterials = template.Materials,
                    ApplicationDeadline = template.Mode == PolicyModes.Apply ? new DateOnly(edition + 1, 6, 30) : null,
                    GuideContact = $"{template.DepartmentZh} {template.DepartmentEn}, {phone}",
                    Mode = template.Mode,
                    Rule = rule,
                    Status = status,
                    PublishedAt = published,
                    CreatedAt = created,
                    UpdatedAt = published ?? created,
                });
            }
        }
        return result;
    }

    private static string FullText(DemoPolicyTemplate t, string titleZh, string titleEn, string summaryZh, string summaryEn,
        string rule, DateOnly from, DateOnly until, string phone)
    {
        var mode = t.Mode == PolicyModes.Automatic
            ? "本政策**免申即享**：系统根据企业画像自动判定，符合条件的企业无需申请，直接享受。\n\nThis policy is granted **without application**: the platform checks every enterprise's profile and grants it to all that qualify."
            : "本政策**快申快享**：符合条件的企业通过灵境平台在线提交申请和材料，审核通过后拨付。\n\nApply online through Lingjing with the materials below; the benefit is paid after approval.";
        var benefit = t.Formula is { } formula
            ? $"`{formula}`（{t.BenefitNoteZh} / {t.BenefitNoteEn}）"
            : $"{t.Amount:#,0} 元（{t.BenefitNoteZh} / {t.BenefitNoteEn}）";
        var materials = string.Join("\n", t.Materials.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(m => $"- {m}"));
        return $"""
            # {titleZh}

            *{titleEn}*

            **发布单位 Issued by:** {t.DepartmentZh} · {t.DepartmentEn}
            **有效期 Valid:** {from:yyyy-MM-dd} — {until:yyyy-MM-dd}

            ## 第一条 政策目的 Purpose

            {summaryZh}

            {summaryEn}

            ## 第二条 支持对象 Who qualifies

            在本区注册、纳入灵境平台企业画像且满足以下条件的文化企业。Cultural enterprises registered in the district whose profile meets this condition:

            ```
            {rule}
            ```

            ## 第三条 支持标准 Benefit

            | 项目 Item | 标准 Standard |
            |---|---|
            | 支持方式 Type | {PolicyCategories.All.First(c => c.Code == t.Category).NameZh} · {PolicyCategories.All.First(c => c.Code == t.Category).NameEn} |
            | 金额 Amount | {benefit} |

            ## 第四条 申报材料 Materials

            {materials}

            ## 第五条 办理方式 How

            {mode}

            ## 第六条 附则 Final provisions

            本政策由{t.DepartmentZh}负责解释，咨询电话 {phone}。This policy is interpreted by the {t.DepartmentEn}; enquiries: {phone}.
            """;
    }

    /// <summary>Applications of enterprises with demo accounts to published apply-mode policies they
    /// are eligible for, cycling through every state, each with a consistent timeline.</summary>
    private async Task SeedApplicationsAsync(DateTime now, Random random, CancellationToken ct)
    {
        var snapshot = await profiles.GetAsync(TimeSpan.FromMinutes(5), ct);
        var reviewer = await db.Users.AsNoTracking().Where(u => u.Email == DemoAccountGenerator.GovernmentEmail).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var applyPolicies = await db.Set<Policy>().AsNoTracking()
            .Where(p => p.Status == PolicyStatus.Published && p.Mode == PolicyModes.Apply).OrderBy(p => p.Id).ToListAsync(ct);
        var taken = await db.Set<PolicyApplication>().Select(a => new { a.PolicyId, a.EnterpriseId }).ToListAsync(ct);
        var used = taken.Select(a => (a.PolicyId, a.EnterpriseId)).ToHashSet();
        string[] states = [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Paid];
        string[] contacts = ["王芳 Wang Fang", "李强 Li Qiang", "张敏 Zhang Min", "刘洋 Liu Yang", "陈静 Chen Jing", "赵磊 Zhao Lei"];
        string[] rejections =
        [
            "申报材料中的审计报告未加盖公章。The audit report is not stamped.",
            "营业收入与纳税证明不一致。Revenue does not match the tax certificate.",
            "项目已获得同类资金支持，不得重复申报。The project already received similar funding.",
        ];
        var cycle = 0;
        foreach (var policy in applyPolicies)
        {
            var candidates = await db.Set<PolicyMatch>().AsNoTracking()
                .Where(m => m.PolicyId == policy.Id && m.EnterpriseId <= DemoAccountGenerator.EnterpriseAdminCount)
                .OrderBy(m => m.EnterpriseId).Select(m => m.EnterpriseId).Take(40).ToListAsync(ct);
            var count = Math.Min(candidates.Count, random.Next(2, 7));
            foreach (var enterpriseId in candidates.OrderBy(_ => random.Next()).Take(count))
            {
                if (!used.Add((policy.Id, enterpriseId))) continue;
                var state = states[cycle++ % states.Length];
                var submitted = (policy.PublishedAt ?? now).AddDays(random.Next(1, 40)).AddHours(random.Next(8, 18));
                if (submitted > now.AddDays(-12)) submitted = now.AddDays(-12 - random.Next(0, 5)).AddHours(random.Next(0, 8));
                var application = new PolicyApplication
                {
                    Id = Guid.NewGuid(),
                    PolicyId = policy.Id,
                    EnterpriseId = enterpriseId,
                    Status = state,
                    ContactName = contacts[random.Next(contacts.Length)],
                    ContactPhone = $"138{random.Next(10_000_000, 99_999_999)}",
                    Statement = "我公司符合政策条件，现提交申请及相关材料。We meet the conditions of the policy and submit our application.",
                    ProfileSnapshot = System.Text.Json.JsonSerializer.Serialize(ProfileSummary.Of(snapshot.Find(enterpriseId)!, snapshot.Vocabulary)),
                    CreatedAt = submitted,
                };
                var events = new List<ApplicationEvent> { Event(application.Id, ApplicationStatus.Submitted, submitted, null, application.ContactName, "Application submitted with a statement.") };
                var at = submitted;
                void Step(string status, string note)
                {
                    at = at.AddDays(random.Next(1, 4)).AddHours(random.Next(1, 6));
                    events.Add(Event(application.Id, status, at, reviewer?.Id, reviewer?.DisplayName ?? "Reviewer", note));
                }
                if (state != ApplicationStatus.Submitted) Step(ApplicationStatus.UnderReview, "");
                if (state is ApplicationStatus.Approved or ApplicationStatus.Paid) Step(ApplicationStatus.Approved, "材料齐全，符合条件。Materials complete; conditions met.");
                if (state == ApplicationStatus.Rejected)
                {
                    application.RejectionReason = application.DecisionReason = rejections[random.Next(rejections.Length)];
                    Step(ApplicationStatus.Rejected, application.RejectionReason);
                }
                if (state == ApplicationStatus.Paid)
                {
                    application.AmountYuan = policy.BenefitAmountYuan is > 0 ? policy.BenefitAmountYuan : random.Next(5, 60) * 10_000;
                    Step(ApplicationStatus.Paid, $"Paid {application.AmountYuan:#,0} yuan on {DateOnly.FromDateTime(at.AddDays(0)):yyyy-MM-dd}.");
                    application.PaidOn = DateOnly.FromDateTime(at);
                }
                application.UpdatedAt = at;
                db.Add(application);
                db.AddRange(events);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static ApplicationEvent Event(Guid applicationId, string status, DateTime at, Guid? actor, string actorName, string note) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = applicationId,
        Status = status,
        At = at,
        ActorUserId = actor,
        ActorName = actorName,
        Note = note,
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
