using Lingjing.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Record;

/// <summary>
/// One decision in the record. Written with the decision, in its transaction, without a place in the chain; the
/// <see cref="RecordSealer"/> then gives it its <see cref="Seq"/>, the hash of the entry before it, its own hash and the
/// server's signature (<see cref="RecordFormat"/>). <see cref="Id"/> is only the order of writing.
/// </summary>
public sealed class RecordEntry
{
    public long Id { get; set; }
    public long? Seq { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string Kind { get; set; }
    public required string Subject { get; set; }
    /// <summary>The user who decided (their id), or <c>system</c>.</summary>
    public required string Actor { get; set; }
    /// <summary>The decision's facts as JSON, hashed as stored.</summary>
    public required string Body { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
    public string? Signature { get; set; }
    public DateTime? SealedAt { get; set; }

    public RecordEntryLine ToLine() => new(Seq ?? 0, new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)), Kind, Subject, Actor, Body,
        PreviousHash ?? "", Hash ?? "", Signature ?? "");
}

/// <summary>A head of the chain as published at one time: anyone who kept it can tell a chain rewritten since.</summary>
public sealed class RecordHead
{
    public long Id { get; set; }
    public long Seq { get; set; }
    public required string Hash { get; set; }
    public required string Signature { get; set; }
    public DateTime PublishedAt { get; set; }
}

internal sealed class RecordEntryConfiguration : IEntityTypeConfiguration<RecordEntry>
{
    public void Configure(EntityTypeBuilder<RecordEntry> entry)
    {
        entry.ToTable("record_entries");
        entry.HasKey(e => e.Id);
        entry.HasIndex(e => e.Seq).IsUnique();
        entry.HasIndex(e => e.Subject);
    }
}

internal sealed class RecordHeadConfiguration : IEntityTypeConfiguration<RecordHead>
{
    public void Configure(EntityTypeBuilder<RecordHead> head)
    {
        head.ToTable("record_heads");
        head.HasKey(h => h.Id);
        head.HasIndex(h => h.PublishedAt);
    }
}
