using System.Text.Json;
using Lingjing.Server.Features.PolicyServices.Certificates;
using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.PolicyServices.Applications;

/// <summary>Applications for the government's matters, through the same engine as policies: the same statuses,
/// materials, timeline, notifications and record, plus the matter's form, its required materials, its legal time limit
/// (<see cref="PolicyApplication.DueOn"/>), a decision always given with reasons and, on approval, a certificate.</summary>
public sealed partial class ApplicationService
{
    public async Task<Outcome<ApplicationDetail>> ApplyForMatterAsync(
        int matterId, ApplicationViewer viewer, ApplicationForm form, MatterSubmission submission, CancellationToken ct)
    {
        if (viewer.EnterpriseId is not { } enterpriseId) return Failure.NotFound("Only an enterprise account can apply.");
        var matter = await db.Set<Matter>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == matterId && m.Published, ct);
        if (matter is null) return Failure.NotFound("There is no matter with id {0} in the catalogue.", matterId);

        var errors = new FieldErrors();
        errors.Required(new Field("contactName", "Contact name"), form.ContactName, 100);
        var contactPhone = form.ContactPhone?.Trim() ?? "";
        if (contactPhone.Length is < 5 or > 40 || contactPhone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')')))
            errors.Add(new Field("contactPhone", "Contact phone"), "5 to 40 digits, spaces, +, - or parentheses.");
        errors.MaxLength(new Field("statement", "Statement"), form.Statement, 4_000, multiline: true);
        var answers = submission.Check(matter, errors);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var files = submission.Files.Select(f => { MaterialRules.Check(f.File, out var type); return ((string?)f.Requirement, f.File, type!); }).ToList();

        var now = time.GetUtcNow().UtcDateTime;
        var application = new PolicyApplication
        {
            Id = Guid.NewGuid(),
            MatterId = matter.Id,
            EnterpriseId = enterpriseId,
            SubmittedBy = viewer.UserId,
            Status = ApplicationStatus.Submitted,
            ContactName = form.ContactName!.Trim(),
            ContactPhone = contactPhone,
            Statement = form.Statement?.Trim() ?? "",
            FormAnswers = JsonSerializer.Serialize(answers),
            DueOn = WorkingDays.After(Today(), matter.LegalDays),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await SubmitAsync(application, viewer, "Application submitted.", files, ct);
        return (await DetailAsync(application.Id, viewer, ct))!;
    }

    private async Task<ApplicationDetail> MatterDetailAsync(PolicyApplication application, int matterId, ApplicationView view,
        IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<MaterialView> materials, CancellationToken ct)
    {
        var matter = await db.Set<Matter>().AsNoTracking().FirstAsync(m => m.Id == matterId, ct);
        var given = application.FormAnswers is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(application.FormAnswers) ?? [];
        var answers = matter.Fields().Select(f => new MatterAnswer(f.Key, f.LabelZh, f.LabelEn, given.GetValueOrDefault(f.Key, ""))).ToList();
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == application.Id, ct);
        return new ApplicationDetail(view, timeline, materials, null, null, [],
            new MatterApplicationPart(matter.Code, matter.DepartmentZh, matter.DepartmentEn, matter.LegalDays, answers, matter.Requirements()),
            certificate is null ? null : CertificateView.Of(certificate, matter));
    }

    private void RecordMatterDecision(PolicyApplication application, Matter matter, string to, string reason, ApplicationViewer official, DateTimeOffset now)
    {
        var kind = to switch
        {
            ApplicationStatus.Approved => RecordKinds.MatterApproved,
            ApplicationStatus.Rejected => RecordKinds.MatterRejected,
            _ => null,
        };
        if (kind is null) return;
        db.Record(now, kind, $"application:{application.Id}", official.UserId, new
        {
            Application = application.Id, Matter = matter.Code, application.EnterpriseId, From = application.Status, To = to, Reason = reason,
            DueOn = application.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
