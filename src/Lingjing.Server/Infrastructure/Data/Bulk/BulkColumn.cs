namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>One column of a <see cref="BulkTable{T}"/>: its name, encoding and how to read it from a row.</summary>
public sealed record BulkColumn<T>(string Name, BulkType Type, Func<T, object?> Value);
