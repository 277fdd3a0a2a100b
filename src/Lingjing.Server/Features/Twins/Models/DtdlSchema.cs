using System.Text.Json;

namespace Lingjing.Server.Features.Twins.Models;

/// <summary>A DTDL schema of Lingjing's subset: a primitive, an enum or an object of named fields.</summary>
public abstract record DtdlSchema
{
    /// <summary>Checks a JSON value against the schema. Returns null when it fits, otherwise what is wrong.</summary>
    public abstract string? Check(JsonElement value);

    /// <summary>The value as a number for the time series (booleans 0/1, enums their value), or null
    /// when the schema has no numeric form (strings, objects).</summary>
    public abstract double? Numeric(JsonElement value);

    public abstract string Describe();
}

public enum PrimitiveKind { Boolean, Integer, Long, Double, Float, String, DateTime, Date, Time, Duration }

public sealed record PrimitiveSchema(PrimitiveKind Kind) : DtdlSchema
{
    public static readonly IReadOnlyDictionary<string, PrimitiveKind> Names = new Dictionary<string, PrimitiveKind>
    {
        ["boolean"] = PrimitiveKind.Boolean, ["integer"] = PrimitiveKind.Integer, ["long"] = PrimitiveKind.Long,
        ["double"] = PrimitiveKind.Double, ["float"] = PrimitiveKind.Float, ["string"] = PrimitiveKind.String,
        ["dateTime"] = PrimitiveKind.DateTime, ["date"] = PrimitiveKind.Date, ["time"] = PrimitiveKind.Time,
        ["duration"] = PrimitiveKind.Duration,
    };

    /// <summary>No sensor or counter reads beyond ±10^15, and rollups sum and square readings: a stored
    /// 1.7e308 would overflow them (PostgreSQL refuses, SQLite gives Infinity, which JSON cannot carry).</summary>
    public const double MaxMagnitude = 1e15;

    private const string OutOfRange = "expected a number between -1e15 and 1e15";

    public bool IsNumeric => Kind is PrimitiveKind.Boolean or PrimitiveKind.Integer or PrimitiveKind.Long or PrimitiveKind.Double or PrimitiveKind.Float;

    public override string? Check(JsonElement value) => Kind switch
    {
        PrimitiveKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "expected true or false",
        PrimitiveKind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) ? null : "expected a 32-bit integer",
        PrimitiveKind.Long => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole)
            ? Math.Abs((double)whole) <= MaxMagnitude ? null : OutOfRange
            : "expected a 64-bit integer",
        PrimitiveKind.Double or PrimitiveKind.Float => value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble())
            ? Math.Abs(value.GetDouble()) <= MaxMagnitude ? null : OutOfRange
            : "expected a number",
        PrimitiveKind.String => value.ValueKind == JsonValueKind.String ? null : "expected a string",
        PrimitiveKind.DateTime => value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out _) ? null : "expected an ISO 8601 date and time",
        PrimitiveKind.Date => value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out _) ? null : "expected a date yyyy-MM-dd",
        PrimitiveKind.Time => value.ValueKind == JsonValueKind.String && TimeOnly.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _) ? null : "expected a time HH:mm:ss",
        PrimitiveKind.Duration => value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 1 } d && d[0] == 'P' ? null : "expected an ISO 8601 duration",
        _ => "unsupported schema",
    };

    public override double? Numeric(JsonElement value) => Kind switch
    {
        PrimitiveKind.Boolean => value.ValueKind == JsonValueKind.True ? 1 : 0,
        PrimitiveKind.Integer or PrimitiveKind.Long or PrimitiveKind.Double or PrimitiveKind.Float => value.GetDouble(),
        _ => null,
    };

    public override string Describe() => Names.First(n => n.Value == Kind).Key;
}

public sealed record EnumValue(string Name, JsonElement Value, string DisplayName);

public sealed record EnumSchema(bool IntegerValues, IReadOnlyList<EnumValue> Values) : DtdlSchema
{
    public EnumValue? Find(JsonElement value)
    {
        foreach (var v in Values)
        {
            if (IntegerValues && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && v.Value.GetInt32() == n) return v;
            if (!IntegerValues && value.ValueKind == JsonValueKind.String && v.Value.GetString() == value.GetString()) return v;
            // A reading may name the enum value instead of giving it.
            if (value.ValueKind == JsonValueKind.String && v.Name == value.GetString()) return v;
        }
        return null;
    }

    public override string? Check(JsonElement value) => Find(value) is null
        ? $"expected one of {string.Join(", ", Values.Select(v => IntegerValues ? $"{v.Value.GetInt32()} ({v.Name})" : v.Value.GetString()))}"
        : null;

    /// <summary>Integer enums store their value; string enums store the position in the list.</summary>
    public override double? Numeric(JsonElement value) => Find(value) is { } v
        ? IntegerValues ? v.Value.GetInt32() : Values.ToList().IndexOf(v)
        : null;

    public override string Describe() => "enum";
}

public sealed record ObjectField(string Name, DtdlSchema Schema);

public sealed record ObjectSchema(IReadOnlyList<ObjectField> Fields) : DtdlSchema
{
    public override string? Check(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return "expected an object";
        foreach (var property in value.EnumerateObject())
        {
            var field = Fields.FirstOrDefault(f => f.Name == property.Name);
            if (field is null) return $"field '{property.Name}' is not in the schema (fields: {string.Join(", ", Fields.Select(f => f.Name))})";
            if (field.Schema.Check(property.Value) is { } problem) return $"field '{property.Name}': {problem}";
        }
        return null;
    }

    public override double? Numeric(JsonElement value) => null;

    public override string Describe() => "object";
}
