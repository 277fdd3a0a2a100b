using Lingjing.Server.Features.Record;
using Lingjing.Server.Features.PolicyServices.Certificates;
using Lingjing.Server.Features.PolicyServices.Matters;
using System.Text.Json;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.PolicyServices.Matching;
using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Lingjing.Server.Infrastructure.Paging;
using Lingjing.Server.Infrastructure.Uploads;

namespace Lingjing.Server.Features.PolicyServices.Applications;

/// <summary>The one application engine, for policies and for the government's matters
/// (<c>ApplicationService.Matters.cs</c>): an enterprise applies with contact details, a statement and materials
/// (stored under the data directory); reviewers move it submitted → under review → approved or rejected (→ paid, for a
/// policy). Every other move is a 409, and a status change only applies if nobody changed the status meanwhile. Each
/// step is a timeline entry and a notification; every decision is written to the decision record with it.</summary>
public sealed partial class ApplicationService(
    LingjingDbContext db, ProfileSnapshotCache profiles, ProfileLoader loader, Notifier notifier, PolicyService policies,
    CertificateIssuer certificates, TimeProvider time, IOptions<LingjingOptions> options)
{
    public const int MaxPageSize = 100;

    public string MaterialDirectory(Guid applicationId) =>
        Path.Combine(options.Value.FullDataDirectory, "uploads", "policies", applicationId.ToString("N"));

    public async Task<Outcome<ApplicationDetail>> ApplyAsync(
        int policyId, ApplicationViewer viewer, ApplicationForm form, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        if (viewer.EnterpriseId is not { } enterpriseId) return Failure.NotFound("Only an enterprise account can apply.");
        var policy = await db.Set<Policy>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId && p.Status == PolicyStatus.Published, ct);
        if (policy is null) return Failure.NotFound("There is no published policy with id {0}.", policyId);

        var contactName = form.ContactName?.Trim() ?? "";
        var contactPhone = form.ContactPhone?.Trim() ?? "";
        var statement = form.Statement?.Trim() ?? "";
        if (contactName.Length is 0 or > 100) return Failure.Invalid("The contact name is required (at most 100 characters).");
        if (contactPhone.Length is < 5 or > 40 || contactPhone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')')))
            return Failure.Invalid("The contact phone is required: 5 to 40 digits, spaces, +, - or parentheses.");
        if (statement.Length > 4_000) return Failure.Invalid("The statement may be at most 4,000 characters.");
        if (files.Count > MaterialRules.MaxFiles) return Failure.Invalid("At most {0} materials may be attached; there are {1}.", MaterialRules.MaxFiles, files.Count);
        var types = new List<string>();
        foreach (var file in files)
        {
            if (MaterialRules.Check(file, out var contentType) is { } problem) return Failure.Invalid(problem.Template, problem.Args);
            types.Add(contentType!);
        }

        if (policy.Mode == PolicyModes.Automatic)
            return Failure.Conflict("This policy needs no application (免申即享): eligible enterprises are granted it automatically.");
        switch (PolicyLife.Stage(policy, Today()))
        {
            case PolicyLife.Upcoming:
                return Failure.Conflict("This policy is not open yet: applications open on {0:yyyy-MM-dd}.", PolicyLife.OpensOn(policy));
            case PolicyLife.Closed:
                return Failure.Conflict("This policy is closed: applications closed on {0:yyyy-MM-dd}.", PolicyLife.ClosesOn(policy));
        }
        if (await db.Set<PolicyApplication>().AnyAsync(a => a.PolicyId == policyId && a.EnterpriseId == enterpriseId, ct))
            return Failure.Conflict("Your enterprise has already applied to this policy.");

        var snapshot = await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct);
        var profile = await loader.LoadOneAsync(enterpriseId, ct);
        if (profile is null) return Failure.NotFound("There is no enterprise with id {0}.", enterpriseId);
        if (PolicyRule.TryParse(policy.Rule, snapshot.Vocabulary, RuleType.Boolean, out var rule, out _))
        {
            var explanation = new RuleEvaluator(snapshot.Vocabulary).Explain(rule!, profile);
            if (!explanation.Eligible)
            {
                // In words, not in the rule language: the person applying does not read rules.
                var words = new RuleWording(snapshot.Vocabulary).Clauses(rule!);
                var missed = explanation.Clauses.Select((clause, i) => (clause, words[i])).Where(c => !c.clause.Held).ToList();
                return Failure.Conflict("Your enterprise does not meet the policy's conditions: {0}.", new Phrase.InBothLanguages(
                    string.Join("; ", missed.Select(m => m.Item2.En)), string.Join("；", missed.Select(m => m.Item2.Zh))));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var application = new PolicyApplication
        {
            Id = Guid.NewGuid(),
            PolicyId = policyId,
            EnterpriseId = enterpriseId,
            SubmittedBy = viewer.UserId,
            Status = ApplicationStatus.Submitted,
            ContactName = contactName,
            ContactPhone = contactPhone,
            Statement = statement,
            ProfileSnapshot = JsonSerializer.Serialize(ProfileSummary.Of(profile, snapshot.Vocabulary)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await SubmitAsync(application, viewer, statement.Length > 0 ? "Application submitted with a statement." : "Application submitted.",
                files.Select((f, i) => ((string?)null, f, types[i])).ToList(), ct))
            return Failure.Conflict("Your enterprise has already applied to this policy.");
        return (await DetailAsync(application.Id, viewer, ct))!;
    }

    /// <summary>Stores a new application, its first timeline entry and its materials (files first, removed again if the
    /// row is refused); false when the database refused it as a second application.</summary>
    private async Task<bool> SubmitAsync(PolicyApplication application, ApplicationViewer viewer, string note,
        IReadOnlyList<(string? Requirement, IFormFile File, string ContentType)> files, CancellationToken ct)
    {
        db.Add(application);
        db.Add(Event(application.Id, ApplicationStatus.Submitted, application.CreatedAt, viewer, note));
        var directory = MaterialDirectory(application.Id);
        var written = new List<string>();
        try
        {
            foreach (var (requirement, file, contentType) in files)
            {
                var material = new ApplicationMaterial
                {
                    Id = Guid.NewGuid(),
                    ApplicationId = application.Id,
                    Requirement = requirement,
                    FileName = Path.GetFileName(file.FileName),
                    ContentType = contentType,
                    SizeBytes = file.Length,
                    UploadedAt = application.CreatedAt,
                };
                System.IO.Directory.CreateDirectory(directory);
                var path = Path.Combine(directory, material.Id.ToString("N"));
                await using (var target = File.Create(path))
                    await file.CopyToAsync(target, ct);
                written.Add(path);
                db.Add(material);
            }
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index on (policy, enterprise) refused a concurrent second application.
            foreach (var path in written) File.Delete(path);
            db.ChangeTracker.Clear();
            return false;
        }
        catch
        {
            foreach (var path in written) File.Delete(path);
            throw;
        }
    }

    public async Task<Outcome<ApplicationDetail>> MoveAsync(Guid id, string to, ApplicationViewer reviewer, ReviewDecision decision, CancellationToken ct)
    {
        var application = await db.Set<PolicyApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !reviewer.Government) return Failure.NotFound("There is no application with id {0}.", id);
        var matter = application.MatterId is { } matterId ? await db.Set<Matter>().AsNoTracking().FirstAsync(m => m.Id == matterId, ct) : null;
        if (!ApplicationStatus.CanMove(application.Status, to, matter is not null))
            return Failure.Conflict("An application that is {0} cannot become {1}.", application.Status, to);

        var reason = decision.Reason?.Trim() ?? "";
        var note = decision.Note?.Trim() ?? "";
        if (note.Length > 1_000) return Failure.Invalid("The note may be at most 1,000 characters.");
        long? amount = null;
        DateOnly? paidOn = null;
        switch (to)
        {
            case ApplicationStatus.Rejected when reason.Length is 0 or > 1_000:
                return Failure.Invalid("A reason is required to reject an application (at most 1,000 characters).");
            // A matter's decision is given with its reasons, whichever way it goes.
            case ApplicationStatus.Approved when matter is not null && reason.Length is 0 or > 1_000:
                return Failure.Invalid("A matter is decided with its reasons: give them (at most 1,000 characters).");
            case ApplicationStatus.Paid:
                if (decision.AmountYuan is not > 0) return Failure.Invalid("The amount paid (a positive whole number of yuan) is required to record a payment.");
                if (decision.AmountYuan > 100_000_000_000) return Failure.Invalid("The amount paid is implausibly large.");
                paidOn = decision.PaidOn ?? Today();
                if (paidOn > Today()) return Failure.Invalid("The payment date must not be in the future.");
                amount = decision.AmountYuan;
                break;
        }

        var instant = time.GetUtcNow();
        var now = instant.UtcDateTime;
        var from = application.Status;
        // The decision, its timeline entry and its entry in the decision record stand or fall together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = to switch
        {
            ApplicationStatus.Rejected => await db.Set<PolicyApplication>().Where(a => a.Id == id && a.Status == from)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, to).SetProperty(a => a.RejectionReason, reason).SetProperty(a => a.DecisionReason, reason)
                    .SetProperty(a => a.UpdatedAt, now), ct),
            ApplicationStatus.Approved when reason.Length > 0 => await db.Set<PolicyApplication>().Where(a => a.Id == id && a.Status == from)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, to).SetProperty(a => a.DecisionReason, reason).SetProperty(a => a.UpdatedAt, now), ct),
            ApplicationStatus.Paid => await db.Set<PolicyApplication>().Where(a => a.Id == id && a.Status == from)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, to).SetProperty(a => a.AmountYuan, amount).SetProperty(a => a.PaidOn, paidOn).SetProperty(a => a.UpdatedAt, now), ct),
            _ => await db.Set<PolicyApplication>().Where(a => a.Id == id && a.Status == from)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, to).SetProperty(a => a.UpdatedAt, now), ct),
        };
        if (changed == 0) return Failure.Conflict("The application was changed by someone else meanwhile; reload it.");

        var entryNote = to switch
        {
            ApplicationStatus.Rejected => reason,
            ApplicationStatus.Approved when reason.Length > 0 => note.Length > 0 ? reason + " " + note : reason,
            ApplicationStatus.Paid => $"Paid {amount:#,0} yuan on {paidOn:yyyy-MM-dd}." + (note.Length > 0 ? " " + note : ""),
            _ => note,
        };
        db.Add(Event(id, to, now, reviewer, entryNote));
        if (matter is not null) RecordMatterDecision(application, matter, to, reason, reviewer, instant);
        else if (RecordKindOf(to) is { } kind)
            db.Record(instant, kind, $"application:{id}", reviewer.UserId, new
            {
                Application = id, application.PolicyId, application.EnterpriseId, From = from, To = to,
                Reason = reason.Length > 0 ? reason : null, AmountYuan = amount,
                PaidOn = paidOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Note = note.Length > 0 ? note : null,
            });
        if (matter is not null && to == ApplicationStatus.Approved)
            certificates.Issue(db, application, matter, await db.Set<Enterprise>().AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct), reviewer.UserId, instant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var (titleEn, titleZh) = await TitleAsync(application, ct);
        await notifier.NotifyEnterprisesAsync([application.EnterpriseId], StatusMessage(titleEn, titleZh, id, to, entryNote), ct);
        return (await DetailAsync(id, reviewer, ct))!;
    }

    public async Task<ApplicationDetail?> DetailAsync(Guid id, ApplicationViewer viewer, CancellationToken ct)
    {
        var application = await db.Set<PolicyApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !viewer.MaySee(application)) return null;
        var view = (await Views(db.Set<PolicyApplication>().AsNoTracking().Where(a => a.Id == id)).ToListAsync(ct)).Single();
        var timeline = await db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.At)
            .Select(e => new TimelineEntry(e.Status, e.At, e.ActorName, e.Note)).ToListAsync(ct);
        var materials = await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.ApplicationId == id).OrderBy(m => m.UploadedAt).ThenBy(m => m.FileName)
            .Select(m => new MaterialView(m.Id, m.Requirement, m.FileName, m.ContentType, m.SizeBytes, m.UploadedAt)).ToListAsync(ct);
        if (application.MatterId is { } matterId) return await MatterDetailAsync(application, matterId, view, timeline, materials, ct);
        var policy = await db.Set<Policy>().AsNoTracking().FirstAsync(p => p.Id == application.PolicyId, ct);
        var vocabulary = (await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct)).Vocabulary;
        return new ApplicationDetail(view, timeline, materials,
            Deserialize<ProfileSummary>(application.ProfileSnapshot), application.RuleAudit is null ? null : Deserialize<RuleAudit>(application.RuleAudit),
            await policies.FactsUsedAsync(policy, application.EnterpriseId, vocabulary, ct));
    }

    public async Task<(ApplicationMaterial Material, string Path)?> MaterialAsync(Guid applicationId, Guid materialId, ApplicationViewer viewer, CancellationToken ct)
    {
        var application = await db.Set<PolicyApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null || !viewer.MaySee(application)) return null;
        var material = await db.Set<ApplicationMaterial>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId && m.ApplicationId == applicationId, ct);
        if (material is null) return null;
        var path = Path.Combine(MaterialDirectory(applicationId), material.Id.ToString("N"));
        return File.Exists(path) ? (material, path) : null;
    }

    public async Task<List<ApplicationView>> MineAsync(int enterpriseId, CancellationToken ct) =>
        await Project(Joined(db.Set<PolicyApplication>().AsNoTracking().Where(a => a.EnterpriseId == enterpriseId))
            .OrderByDescending(r => r.A.UpdatedAt)).ToListAsync(ct);

    /// <summary>The reviewers' queue: longest unchanged first, filtered.</summary>
    public async Task<ResultPage<ApplicationView>> QueueAsync(ApplicationQuery query, CancellationToken ct)
    {
        var rows = Joined(db.Set<PolicyApplication>().AsNoTracking());
        if (!string.IsNullOrWhiteSpace(query.Status)) rows = rows.Where(r => r.A.Status == query.Status);
        if (query.PolicyId is { } policyId) rows = rows.Where(r => r.A.PolicyId == policyId);
        if (query.MatterId is { } matterId) rows = rows.Where(r => r.A.MatterId == matterId);
        if (query.For == ApplicationSubjects.Policy) rows = rows.Where(r => r.A.PolicyId != null);
        if (query.For == ApplicationSubjects.Matter) rows = rows.Where(r => r.A.MatterId != null);
        if (query.Overdue == true)
        {
            var today = Today();
            rows = rows.Where(r => r.A.DueOn < today && (r.A.Status == ApplicationStatus.Submitted || r.A.Status == ApplicationStatus.UnderReview));
        }
        if (query.Automatic is { } automatic) rows = rows.Where(r => r.A.Automatic == automatic);
        if (!string.IsNullOrWhiteSpace(query.Category)) rows = rows.Where(r => (r.P != null ? r.P.Category : r.M!.Category) == query.Category);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            rows = rows.WhereAnyContains(query.Q, r => r.E.NameZh, r => r.E.NameEn, r => r.P!.TitleZh, r => r.P!.TitleEn, r => r.M!.TitleZh, r => r.M!.TitleEn);
        }
        var ordered = rows.OrderBy(r => r.A.UpdatedAt).ThenBy(r => r.A.Id);
        var total = await ordered.CountAsync(ct);
        var offset = (long)(query.Page - 1) * query.PageSize;
        var page = offset >= total ? [] : await Project(ordered.Skip((int)offset).Take(query.PageSize)).ToListAsync(ct);
        return new ResultPage<ApplicationView>(page, total, query.Page, query.PageSize);
    }

    // A class with settable members (not a positional record): EF translates member access on it.
    private sealed class Row
    {
        public PolicyApplication A { get; init; } = null!;
        /// <summary>The policy, or null for a matter's application.</summary>
        public Policy? P { get; init; }
        /// <summary>The matter, or null for a policy's application.</summary>
        public Matter? M { get; init; }
        public Enterprise E { get; init; } = null!;
    }

    private IQueryable<Row> Joined(IQueryable<PolicyApplication> applications) =>
        from a in applications
        join p in db.Set<Policy>() on a.PolicyId equals p.Id into policies
        from p in policies.DefaultIfEmpty()
        join m in db.Set<Matter>() on a.MatterId equals m.Id into matters
        from m in matters.DefaultIfEmpty()
        join e in db.Set<Enterprise>() on a.EnterpriseId equals e.Id
        select new Row { A = a, P = p, M = m, E = e };

    private static IQueryable<ApplicationView> Project(IQueryable<Row> rows) =>
        rows.Select(r => new ApplicationView(r.A.Id, r.A.PolicyId, r.A.MatterId,
            r.P != null ? r.P.TitleZh : r.M!.TitleZh, r.P != null ? r.P.TitleEn : r.M!.TitleEn, r.P != null ? r.P.Category : r.M!.Category,
            r.A.EnterpriseId, r.E.NameZh, r.E.NameEn, r.A.Status, r.A.Automatic, r.A.ContactName, r.A.ContactPhone, r.A.Statement,
            r.A.DecisionReason, r.A.RejectionReason, r.A.AmountYuan, r.A.PaidOn, r.A.DueOn, r.A.CreatedAt, r.A.UpdatedAt));

    private IQueryable<ApplicationView> Views(IQueryable<PolicyApplication> applications) => Project(Joined(applications));

    /// <summary>The decisions the record keeps: approval, rejection, payout (not a move back to review).</summary>
    private static string? RecordKindOf(string status) => status switch
    {
        ApplicationStatus.Approved => RecordKinds.ApplicationApproved,
        ApplicationStatus.Rejected => RecordKinds.ApplicationRejected,
        ApplicationStatus.Paid => RecordKinds.PayoutMade,
        _ => null,
    };

    private static ApplicationEvent Event(Guid applicationId, string status, DateTime at, ApplicationViewer actor, string note) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = applicationId,
        Status = status,
        At = at,
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        Note = note,
    };

    private async Task<(string En, string Zh)> TitleAsync(PolicyApplication application, CancellationToken ct)
    {
        var title = application.MatterId is { } matterId
            ? await db.Set<Matter>().Where(m => m.Id == matterId).Select(m => new { m.TitleEn, m.TitleZh }).FirstAsync(ct)
            : await db.Set<Policy>().Where(p => p.Id == application.PolicyId).Select(p => new { p.TitleEn, p.TitleZh }).FirstAsync(ct);
        return (title.TitleEn, title.TitleZh);
    }

    private static NotificationMessage StatusMessage(string titleEn, string titleZh, Guid id, string status, string note)
    {
        var (en, zh) = status switch
        {
            ApplicationStatus.UnderReview => ("is under review", "已进入审核"),
            ApplicationStatus.Approved => ("was approved", "已通过审核"),
            ApplicationStatus.Rejected => ("was rejected", "未通过审核"),
            _ => ("was paid", "资金已拨付"),
        };
        return new NotificationMessage("policy-application",
            $"Your application {en}: {titleEn}", $"您的申报{zh}：{titleZh}",
            note.Length > 0 ? note : $"Your application to \"{titleEn}\" {en}.",
            note.Length > 0 && status is ApplicationStatus.Rejected or ApplicationStatus.Approved ? $"理由：{note}" : $"您申报的“{titleZh}”{zh}。",
            $"/enterprise/applications/{id}", $"application:{id}:{status}");
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).DateTime);

    private static T? Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
