using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.PolicyServices.Matters;

/// <summary>
/// A matter of the government's catalogue (政务服务事项): what an enterprise applies for (a permit, a registration, a
/// certification), with its conditions, the materials to attach, the legal time limit in working days and a form. An
/// approval may come with an electronic certificate (<see cref="CertificateTitleZh"/>).
/// </summary>
public sealed class Matter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Id { get; set; }
    /// <summary>The catalogue's number, e.g. <c>IP-001</c>.</summary>
    public required string Code { get; set; }
    /// <summary>Code from <see cref="ServiceCategories"/>: the desk of the service hall that handles it.</summary>
    public required string Category { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public required string DepartmentZh { get; set; }
    public required string DepartmentEn { get; set; }
    public required string ConditionsZh { get; set; }
    public required string ConditionsEn { get; set; }
    /// <summary>JSON list of <see cref="MatterRequirement"/>.</summary>
    public string Materials { get; set; } = "[]";
    /// <summary>JSON list of <see cref="MatterField"/>.</summary>
    public string FormFields { get; set; } = "[]";
    /// <summary>The legal time limit: working days from submission to decision.</summary>
    public int LegalDays { get; set; }
    /// <summary>The certificate an approval issues; null when it issues none.</summary>
    public string? CertificateTitleZh { get; set; }
    public string? CertificateTitleEn { get; set; }
    /// <summary>How long a certificate is valid; null for no end.</summary>
    public int? CertificateValidYears { get; set; }
    public bool Published { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<MatterRequirement> Requirements() => JsonSerializer.Deserialize<List<MatterRequirement>>(Materials, Json) ?? [];

    public IReadOnlyList<MatterField> Fields() => JsonSerializer.Deserialize<List<MatterField>>(FormFields, Json) ?? [];

    public void Describe(IEnumerable<MatterRequirement> materials, IEnumerable<MatterField> fields)
    {
        Materials = JsonSerializer.Serialize(materials, Json);
        FormFields = JsonSerializer.Serialize(fields, Json);
    }
}

/// <summary>A material to attach: uploaded under <see cref="Key"/> (<c>material.{key}</c> in the form).</summary>
public sealed record MatterRequirement(string Key, string NameZh, string NameEn, bool Required);

/// <summary>A field of a matter's form (<c>field.{key}</c> in the form); <see cref="Kind"/> from <see cref="MatterFieldKinds"/>.</summary>
public sealed record MatterField(string Key, string LabelZh, string LabelEn, string Kind, bool Required);

public static class MatterFieldKinds
{
    public const string Text = "text";
    public const string LongText = "long-text";
    public const string Number = "number";
    public const string Date = "date";

    public static readonly IReadOnlyList<string> All = [Text, LongText, Number, Date];
}

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> matter)
    {
        matter.ToTable("matters");
        matter.HasKey(m => m.Id);
        matter.HasIndex(m => m.Code).IsUnique();
        matter.HasIndex(m => m.Category);
    }
}
