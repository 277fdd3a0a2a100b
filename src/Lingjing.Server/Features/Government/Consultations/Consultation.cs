using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Government.Consultations;

/// <summary>A public consultation on a draft: enterprises comment until <see cref="ClosesAt"/>; then the government
/// publishes its response.</summary>
public sealed class Consultation
{
    public int Id { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public required string DraftZh { get; set; }
    public required string DraftEn { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public Guid OpenedBy { get; set; }
    public string? ResponseZh { get; set; }
    public string? ResponseEn { get; set; }
    public DateTime? RespondedAt { get; set; }
}

/// <summary>An enterprise's comment on a consultation's draft, by one of its people.</summary>
public sealed class ConsultationComment
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public Guid UserId { get; set; }
    public int EnterpriseId { get; set; }
    public required string EnterpriseName { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> consultation)
    {
        consultation.ToTable("gov_consultations");
        consultation.HasKey(c => c.Id);
        consultation.HasIndex(c => c.ClosesAt);
    }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> comment)
    {
        comment.ToTable("gov_consultation_comments");
        comment.HasKey(c => c.Id);
        comment.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId);
        comment.HasOne<Accounts.LingjingUser>().WithMany().HasForeignKey(c => c.UserId);
        comment.HasIndex(c => c.ConsultationId);
    }
}
