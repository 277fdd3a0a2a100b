using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.PolicyServices.Certificates;

/// <summary>
/// An electronic certificate, issued with the approval of a matter that grants one. <see cref="ContentHash"/> is the
/// SHA-256 of its content (<see cref="CertificateContent"/>), signed by the server's key and written to the decision
/// record with the approval, so a certificate changed afterwards no longer verifies.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; set; }
    /// <summary>What people quote and type on the verification page, e.g. <c>LJ-IP-2026-4F7A9C21</c>.</summary>
    public required string Number { get; set; }
    public Guid ApplicationId { get; set; }
    public int MatterId { get; set; }
    public int EnterpriseId { get; set; }
    public required string HolderZh { get; set; }
    public required string HolderEn { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public required string ContentHash { get; set; }
    public required string Signature { get; set; }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.ToTable("certificates");
        certificate.HasKey(c => c.Id);
        certificate.HasIndex(c => c.Number).IsUnique();
        certificate.HasIndex(c => c.ApplicationId).IsUnique();
        certificate.HasIndex(c => c.EnterpriseId);
        certificate.HasIndex(c => c.MatterId);
        certificate.HasOne<PolicyApplication>().WithMany().HasForeignKey(c => c.ApplicationId);
        certificate.HasOne<Matter>().WithMany().HasForeignKey(c => c.MatterId);
        certificate.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId);
    }
}
