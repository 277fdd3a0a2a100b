using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.PolicyServices.Certificates;
using Lingjing.Server.Features.PolicyServices.Applications;
using Lingjing.Server.Infrastructure.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.PolicyServices.Matters;

/// <summary>
/// The catalogue of matters (<c>/api/v1/matters</c>, public), applying for one (enterprise administrators; the
/// application is then followed, decided and downloaded at <c>/api/v1/policies/applications/{id}</c>, the one
/// application engine's address), and certificates (<c>/api/v1/certificates</c>: the public verification by number,
/// an enterprise's own).
/// </summary>
public static class MatterApi
{
    public static void MapMatterApi(this WebApplication app)
    {
        var matters = app.MapGroup("/api/v1/matters").WithTags("Government services");
        matters.MapGet("/", async Task<Results<Ok<List<MatterView>>, ProblemHttpResult>> (string? category, string? q, MatterCatalogue catalogue, CancellationToken ct) =>
            {
                if (category is not null && !ServiceCategories.All.Contains(category)) return Failure.NotOneOf(new Field("category", "Category"), category, ServiceCategories.All).ToProblem();
                return TypedResults.Ok(await catalogue.ListAsync(category, q, ct));
            })
            .AllowAnonymous()
            .WithSummary("The catalogue of matters: conditions, materials, legal time limit and form; by category and q");
        matters.MapGet("/{id:int}", async Task<Results<Ok<MatterView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, MatterCatalogue catalogue, MatterEditor editor, CancellationToken ct) =>
                await (user.IsInRole(Roles.Government) ? editor.FindAsync(id, ct) : catalogue.FindAsync(id, ct)) is { } matter
                    ? TypedResults.Ok(matter)
                    : Failure.NotFound("There is no matter with id {0} in the catalogue.", id).ToProblem())
            .AllowAnonymous()
            .WithSummary("One matter of the catalogue (the government also sees those taken out of it)");
        MapEditing(matters);
        matters.MapPost("/{id:int}/applications", async Task<Results<Created<ApplicationDetail>, ProblemHttpResult>> (
                int id, HttpRequest request, ClaimsPrincipal user, ApplicationService applications, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                    return Failure.Invalid("Send the application as multipart/form-data: contactName, contactPhone, statement, field.{key} and material.{key}.").ToProblem();
                var (form, unreadable) = await Infrastructure.Web.MultipartForm.ReadAsync(request, ct);
                if (form is null) return Failure.Invalid(unreadable!).ToProblem();
                var outcome = await applications.ApplyForMatterAsync(id, ApplicationViewer.Of(user),
                    new ApplicationForm(form["contactName"], form["contactPhone"], form["statement"]), MatterSubmission.Read(form), ct);
                return outcome.Value is { } detail
                    ? TypedResults.Created($"/api/v1/policies/applications/{detail.Application.Id}", detail)
                    : outcome.Failure!.ToProblem();
            })
            .RequireAuthorization(Policies.EnterpriseAdmin)
            .DisableAntiforgery()
            .WithSummary("Apply for a matter (enterprise administrators)")
            .WithDescription($"multipart/form-data: contactName, contactPhone, statement, the form's answers as field.{{key}} and each material's files as " +
                $"material.{{key}} (at most {MatterSubmission.MaxFiles} files, {MaterialRules.Allowed}, {MaterialRules.MaxFileBytes / 1024 / 1024} MB each). " +
                "400 names every missing or malformed field and material.");

        MapCertificates(app);
    }

    /// <summary>The government keeps the catalogue: every matter with its applications, adding and changing one.</summary>
    private static void MapEditing(RouteGroupBuilder matters)
    {
        matters.MapGet("/all", async (MatterEditor editor, CancellationToken ct) => TypedResults.Ok(await editor.ListAsync(ct)))
            .RequireAuthorization(Policies.Government)
            .WithSummary("Every matter, published or not, with its applications (all and still open) — government");
        matters.MapPost("/", async Task<Results<Created<MatterView>, ProblemHttpResult>> (MatterInput input, MatterEditor editor, CancellationToken ct) =>
            {
                var outcome = await editor.CreateAsync(input, ct);
                return outcome.Value is { } matter ? TypedResults.Created($"/api/v1/matters/{matter.Id}", matter) : outcome.Failure!.ToProblem();
            })
            .RequireAuthorization(Policies.Government)
            .WithSummary("Add a matter to the catalogue (government); published at once when published is true")
            .WithDescription("400 names every field that is missing or malformed, materials' and form fields' lines included; a number (code) already used is refused.");
        matters.MapPut("/{id:int}", async Task<Results<Ok<MatterView>, ProblemHttpResult>> (int id, MatterInput input, MatterEditor editor, CancellationToken ct) =>
                (await editor.UpdateAsync(id, input, ct)).ToOk())
            .RequireAuthorization(Policies.Government)
            .WithSummary("Change a matter, or take it out of the public catalogue with published false (government)")
            .WithDescription("Applications already submitted keep the form, materials and legal deadline they were submitted with.");
    }

    private static void MapCertificates(WebApplication app)
    {
        var certificates = app.MapGroup("/api/v1/certificates").WithTags("Government services");
        certificates.MapGet("/{number}/verification", async (string number, CertificateVerifier verifier, CancellationToken ct) =>
                TypedResults.Ok(await verifier.CheckAsync(number, ct)))
            .AllowAnonymous()
            .WithSummary("Check a certificate by its number: authentic, expired, not found, altered, forged or not recorded, with what it certifies");
        certificates.MapGet("/mine", async Task<Results<Ok<List<CertificateView>>, ProblemHttpResult>> (ClaimsPrincipal user, CertificateRegister register, CancellationToken ct) =>
                user.EnterpriseId() is { } enterprise ? TypedResults.Ok(await register.OfEnterpriseAsync(enterprise, ct)) : Failure.NotFound("You belong to no enterprise.").ToProblem())
            .RequireAuthorization(Policies.EnterpriseStaff)
            .WithSummary("My enterprise's certificates, newest first");
    }
}
