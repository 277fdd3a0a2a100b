using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>A table that rows of <typeparamref name="T"/> are bulk-written into. Build one by hand
/// (telemetry, join tables) or from the EF model, so column names and types follow the entity.</summary>
public sealed class BulkTable<T>
{
    public BulkTable(string name, IReadOnlyList<BulkColumn<T>> columns, string? identityColumn = null)
    {
        if (columns.Count == 0) throw new ArgumentException("A bulk table needs at least one column.", nameof(columns));
        Name = name;
        Columns = columns;
        IdentityColumn = identityColumn;
    }

    public string Name { get; }
    public IReadOnlyList<BulkColumn<T>> Columns { get; }
    /// <summary>A generated key column written with explicit values; its sequence is moved past them afterwards.</summary>
    public string? IdentityColumn { get; }

    /// <summary>All stored properties of the entity type mapped to <typeparamref name="T"/>, in model order.</summary>
    public static BulkTable<T> FromModel(DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of {context.GetType().Name}.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = new List<BulkColumn<T>>();
        string? identity = null;
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty())
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property; describe the table by hand.");
            var getter = property.GetGetter();
            var name = property.GetColumnName(store)!;
            // A configured conversion (an enum stored as text, say) is applied as EF would before writing.
            var converter = property.GetValueConverter();
            Func<T, object?> value = converter is null
                ? row => getter.GetClrValue(row!)
                : row => getter.GetClrValue(row!) is { } clr ? converter.ConvertToProvider(clr) : null;
            columns.Add(new BulkColumn<T>(name, TypeOf(converter?.ProviderClrType ?? property.ClrType, $"{typeof(T).Name}.{property.Name}"), value));
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType is var t && (t == typeof(int) || t == typeof(long)))
                identity = name;
        }
        return new BulkTable<T>(table, columns, identity);
    }

    public static BulkType TypeOf(Type clrType, string what)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type == typeof(short)) return BulkType.Int16;
        if (type == typeof(int)) return BulkType.Int32;
        if (type == typeof(long)) return BulkType.Int64;
        if (type == typeof(double)) return BulkType.Double;
        if (type == typeof(decimal)) return BulkType.Decimal;
        if (type == typeof(bool)) return BulkType.Boolean;
        if (type == typeof(string)) return BulkType.Text;
        if (type == typeof(DateOnly)) return BulkType.Date;
        if (type == typeof(TimeOnly)) return BulkType.Time;
        if (type == typeof(DateTime)) return BulkType.Timestamp;
        if (type == typeof(DateTimeOffset)) return BulkType.TimestampOffset;
        if (type == typeof(Guid)) return BulkType.Uuid;
        if (type == typeof(byte[])) return BulkType.Bytes;
        if (typeof(IEnumerable<string>).IsAssignableFrom(type) && typeof(IEnumerable).IsAssignableFrom(type)) return BulkType.TextList;
        if (typeof(IEnumerable<int>).IsAssignableFrom(type)) return BulkType.IntList;
        throw new NotSupportedException($"{what} has type {type.Name}, which bulk writing does not encode.");
    }
}
