using System.Globalization;
using System.Text.Json;
using Lingjing.Server.Features.Demo;
using Lingjing.Server.Features.PolicyServices.Certificates;
using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices.Demo;

/// <summary>Seeds the demo catalogue of matters and four months of applications for them from the demo enterprises:
/// decided ones (approvals with their certificates, refusals with reasons, in the decision record as they happened),
/// some under review and some waiting, a few of those past their legal time limit. Once, after the policies.</summary>
internal sealed class DemoMatterSeeder(LingjingDbContext db, CertificateIssuer certificates, IOptions<LingjingOptions> options, TimeProvider time)
    : IDataInitializer
{
    public const string SettingKey = "demo.matters.seeded";
    private const long SeedLockKey = 83881858788731;
    private const int Applications = 90;

    public int Order => 35;

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (options.Value.Demo) await DemoAddition.SeedOnceAsync(db, SettingKey, SeedLockKey, () => SeedAsync(ct), ct);
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Matter>().AnyAsync(ct)) return;
        var instant = time.GetUtcNow();
        var now = instant.UtcDateTime;
        var matters = DemoMatterCatalogue.Templates.Select(t => DemoMatterCatalogue.Create(t, now.AddDays(-200))).ToList();
        db.AddRange(matters);
        await db.SaveChangesAsync(ct);

        var official = await db.Users.AsNoTracking().Where(u => u.Email == DemoAccountGenerator.GovernmentEmail).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var enterprises = await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id <= 60).OrderBy(e => e.Id).ToListAsync(ct);
        if (enterprises.Count == 0) return;
        var random = new Random(options.Value.DemoSeed + 17);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, options.Value.ZoneTimeZone).DateTime);
        var decisions = new List<(DateTimeOffset At, Action Record)>();
        for (var i = 0; i < Applications; i++)
        {
            // The first enterprise (the demo's first administrator) holds a registered copyright.
            var matter = i == 0 ? matters.First(m => m.Code == "IP-001") : matters[random.Next(matters.Count)];
            var enterprise = i == 0 ? enterprises[0] : enterprises[random.Next(enterprises.Count)];
            var submitted = now.AddDays(-random.Next(1, 120)).AddHours(-random.Next(0, 8));
            var dueOn = WorkingDays.After(DateOnly.FromDateTime(submitted), matter.LegalDays);
            var elapsed = DateOnly.FromDateTime(submitted).AddDays(matter.LegalDays * 7 / 5 + 3) < today;
            // Older applications are mostly decided; one in six of them still waits, past its time limit.
            var status = i == 0 ? ApplicationStatus.Approved
                : elapsed ? (random.Next(6) switch { 0 => ApplicationStatus.UnderReview, 1 => ApplicationStatus.Rejected, _ => ApplicationStatus.Approved })
                : random.Next(3) switch { 0 => ApplicationStatus.Submitted, 1 => ApplicationStatus.UnderReview, _ => ApplicationStatus.Approved };
            var application = new PolicyApplication
            {
                Id = Guid.NewGuid(), MatterId = matter.Id, EnterpriseId = enterprise.Id, Status = status,
                ContactName = Contacts[random.Next(Contacts.Length)], ContactPhone = $"139{random.Next(10_000_000, 99_999_999)}",
                Statement = "", FormAnswers = JsonSerializer.Serialize(matter.Fields().ToDictionary(f => f.Key, f => Answer(f, enterprise, random, today))),
                DueOn = dueOn, CreatedAt = submitted, UpdatedAt = submitted,
            };
            db.Add(application);
            db.Add(Step(application, ApplicationStatus.Submitted, submitted, null, application.ContactName, "Application submitted."));
            if (status == ApplicationStatus.Submitted) continue;
            var reviewed = submitted.AddDays(random.Next(0, 3)).AddHours(random.Next(1, 5));
            if (reviewed > now) reviewed = now.AddMinutes(-30);
            db.Add(Step(application, ApplicationStatus.UnderReview, reviewed, official?.Id, official?.DisplayName ?? "Reviewer", ""));
            application.UpdatedAt = reviewed;
            if (status == ApplicationStatus.UnderReview) continue;

            var decided = DateTime.SpecifyKind(dueOn.ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Utc).AddDays(-random.Next(0, 4));
            if (decided <= reviewed) decided = reviewed.AddHours(2);
            if (decided > now) decided = now.AddMinutes(-10);
            application.DecisionReason = status == ApplicationStatus.Approved ? Approval : Refusals[random.Next(Refusals.Length)];
            if (status == ApplicationStatus.Rejected) application.RejectionReason = application.DecisionReason;
            application.UpdatedAt = decided;
            db.Add(Step(application, status, decided, official?.Id, official?.DisplayName ?? "Reviewer", application.DecisionReason));
            var (m, e, s, reason) = (matter, enterprise, status, application.DecisionReason);
            decisions.Add((new DateTimeOffset(decided), () =>
            {
                db.Record(new DateTimeOffset(decided), s == ApplicationStatus.Approved ? RecordKinds.MatterApproved : RecordKinds.MatterRejected,
                    $"application:{application.Id}", official?.Id, new
                    {
                        Application = application.Id, Matter = m.Code, application.EnterpriseId, From = ApplicationStatus.UnderReview, To = s, Reason = reason,
                        DueOn = dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    });
                if (s == ApplicationStatus.Approved) certificates.Issue(db, application, m, e, official?.Id, new DateTimeOffset(decided));
            }));
        }
        // The record holds decisions in the order they were made.
        foreach (var decision in decisions.OrderBy(d => d.At)) decision.Record();
        await db.SaveChangesAsync(ct);
    }

    private static ApplicationEvent Step(PolicyApplication application, string status, DateTime at, Guid? actor, string name, string note) => new()
    {
        Id = Guid.NewGuid(), ApplicationId = application.Id, Status = status, At = at, ActorUserId = actor, ActorName = name, Note = note,
    };

    private static string Answer(MatterField field, Enterprise enterprise, Random random, DateOnly today) => field.Kind switch
    {
        MatterFieldKinds.Date => today.AddDays(field.Key is "date" or "move-in" ? random.Next(10, 60) : -random.Next(30, 400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MatterFieldKinds.Number => (field.Key switch { "cultural-share" => random.Next(60, 96), "audience" or "people" => random.Next(12, 60) * 100, "area" or "size" => random.Next(20, 300), _ => random.Next(5, 80) * 10_000 })
            .ToString(CultureInfo.InvariantCulture),
        MatterFieldKinds.LongText => $"{enterprise.NameZh}申请办理本事项，材料齐全。{enterprise.NameEn} applies for this matter; the materials are attached.",
        _ => field.Key switch
        {
            "employee" => Contacts[random.Next(Contacts.Length)],
            "park" or "place" or "premises-address" => enterprise.NameZh + "所在园区 · the enterprise's park",
            "version" => $"V{random.Next(1, 4)}.{random.Next(0, 10)}",
            _ => $"{enterprise.NameZh} · {field.LabelZh} {random.Next(1, 99)}",
        },
    };

    private static readonly string[] Contacts = ["王芳 Wang Fang", "李强 Li Qiang", "张敏 Zhang Min", "刘洋 Liu Yang", "陈静 Chen Jing", "赵磊 Zhao Lei"];
    private const string Approval = "材料齐全，符合法定条件，准予许可。The materials are complete and the legal conditions are met; granted.";
    private static readonly string[] Refusals =
    [
        "经营场所证明与营业执照地址不一致，不予许可。The proof of premises does not match the address on the business licence; refused.",
        "申请材料缺少专业人员资质证明，不予许可。The qualifications of the professional staff are missing; refused.",
        "活动安全方案未包含疏散路线，不予许可。The safety plan has no evacuation routes; refused.",
    ];
}
