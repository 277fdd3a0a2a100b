using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lingjing.Server.Features.Twins.Models;

/// <summary>Reads DTDL v3 interfaces of Lingjing's subset: Interface with Property, Telemetry,
/// Relationship and Component contents; primitive, Enum and Object schemas. Every problem is
/// reported with the element it is in (interface id, content name, field) and what is wrong.</summary>
public static partial class DtdlParser
{
    public const string Context = "dtmi:dtdl:context;3";
    private const int MaxSchemaDepth = 5;

    private static readonly HashSet<string> InterfaceKeys = ["@context", "@id", "@type", "displayName", "description", "comment", "contents", "extends", "schemas"];
    private static readonly HashSet<string> ContentKinds = ["Property", "Telemetry", "Relationship", "Component", "Command"];

    [GeneratedRegex(@"^dtmi:(?:_+[A-Za-z0-9]|[A-Za-z])(?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::(?:_+[A-Za-z0-9]|[A-Za-z])(?:[A-Za-z0-9_]*[A-Za-z0-9])?)*;[1-9][0-9]{0,8}(?:\.[1-9][0-9]{0,5})?$")]
    private static partial Regex DtmiPattern();

    [GeneratedRegex(@"^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();

    public static bool IsDtmi(string? value) => value is not null && value.Length <= 2048 && DtmiPattern().IsMatch(value);

    /// <summary>Parses one JSON document holding one interface or an array of interfaces.</summary>
    public static (List<DtdlInterface> Interfaces, List<ModelError> Errors) Parse(string json, string source)
    {
        var interfaces = new List<DtdlInterface>();
        var errors = new List<ModelError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors.Add(new ModelError(source, $"is not valid JSON: {e.Message}"));
            return (interfaces, errors);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (ReadInterface(item, $"{source}[{i++}]", source, errors) is { } parsed) interfaces.Add(parsed);
                }
                if (i == 0) errors.Add(new ModelError(source, "the array holds no interface"));
            }
            else if (ReadInterface(root, source, source, errors) is { } parsed)
            {
                interfaces.Add(parsed);
            }
        }
        return (interfaces, errors);
    }

    private static DtdlInterface? ReadInterface(JsonElement element, string where, string source, List<ModelError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ModelError(where, "an interface must be a JSON object"));
            return null;
        }
        var before = errors.Count;
        var id = element.TryGetProperty("@id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (id is null)
            errors.Add(new ModelError(where, "'@id' is missing; an interface needs a DTMI such as dtmi:lingjing:Space;1"));
        else if (!IsDtmi(id))
            errors.Add(new ModelError(where, $"'@id' \"{id}\" is not a valid DTMI with a version (e.g. dtmi:lingjing:Space;1)"));
        else
            where = id;

        CheckContext(element, where, errors);
        var type = element.TryGetProperty("@type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        if (type != "Interface")
            errors.Add(new ModelError(where, $"'@type' must be \"Interface\" (found {Show(typeElement)})"));

        foreach (var property in element.EnumerateObject())
        {
            if (!InterfaceKeys.Contains(property.Name))
                errors.Add(new ModelError(where, $"'{property.Name}' is not a property of an Interface"));
            else if (property.Name is "extends" or "schemas")
                errors.Add(new ModelError(where, $"'{property.Name}' is not supported by Lingjing's DTDL subset; write the contents into the interface"));
        }

        var (displayName, displayNameZh) = ReadDisplayName(element, where, errors);
        var description = ReadDisplayName(element, where, errors, "description").En;
        var contents = new List<DtdlContent>();
        if (element.TryGetProperty("contents", out var contentsElement))
        {
            if (contentsElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ModelError(where, "'contents' must be an array"));
            }
            else
            {
                var names = new HashSet<string>();
                var index = 0;
                foreach (var item in contentsElement.EnumerateArray())
                {
                    var content = ReadContent(item, where, index++, errors);
                    if (content is null) continue;
                    if (!names.Add(content.Name))
                        errors.Add(new ModelError($"{where} > {content.Name}", "the name is used by another element of the same interface"));
                    contents.Add(content);
                }
                if (index > 100_000) errors.Add(new ModelError(where, "an interface may hold at most 100,000 contents"));
            }
        }
        if (errors.Count > before || id is null) return null;
        var fallback = id[(id.LastIndexOf(':') + 1)..id.IndexOf(';')];
        return new DtdlInterface(id, displayName ?? fallback, displayNameZh ?? displayName ?? fallback, description ?? "", contents, source);
    }

    private static void CheckContext(JsonElement element, string where, List<ModelError> errors)
    {
        if (!element.TryGetProperty("@context", out var context))
        {
            errors.Add(new ModelError(where, $"'@context' is missing; it must be \"{Context}\""));
            return;
        }
        var first = context.ValueKind switch
        {
            JsonValueKind.String => context.GetString(),
            JsonValueKind.Array when context.GetArrayLength() > 0 && context[0].ValueKind == JsonValueKind.String => context[0].GetString(),
            _ => null,
        };
        if (first != Context)
            errors.Add(new ModelError(where, $"'@context' must be \"{Context}\" (or an array starting with it); found {Show(context)}"));
    }

    private static DtdlContent? ReadContent(JsonElement item, string interfaceId, int index, List<ModelError> errors)
    {
        var name = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var where = $"{interfaceId} > contents[{index}]" + (name is null ? "" : $" '{name}'");
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ModelError(where, "a content element must be a JSON object"));
            return null;
        }
        var before = errors.Count;
        if (name is null)
            errors.Add(new ModelError(where, "'name' is missing"));
        else if (name.Length > 512 || !NamePattern().IsMatch(name))
            errors.Add(new ModelError(where, "'name' must start with a letter and hold only letters, digits and underscores (not at the end), at most 512 characters"));

        var kinds = new List<string>();
        if (item.TryGetProperty("@type", out var typeElement))
        {
            if (typeElement.ValueKind == JsonValueKind.String) kinds.Add(typeElement.GetString()!);
            else if (typeElement.ValueKind == JsonValueKind.Array)
                kinds.AddRange(typeElement.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
        }
        var core = kinds.Where(ContentKinds.Contains).ToList();
        if (core.Count != 1)
        {
            errors.Add(new ModelError(where, core.Count == 0
                ? $"'@type' must be one of Property, Telemetry, Relationship, Component (found {Show(typeElement)})"
                : $"'@type' names more than one kind of content ({string.Join(", ", core)})"));
            return null;
        }
        var kind = core[0];
        if (kind == "Command")
        {
            errors.Add(new ModelError(where, "Commands are not supported by Lingjing's DTDL subset"));
            return null;
        }
        if (kinds.Count > 1 && kind is "Relationship" or "Component")
            errors.Add(new ModelError(where, $"a {kind} takes no semantic co-type"));

        var allowed = kind switch
        {
            "Property" => new HashSet<string> { "@type", "@id", "name", "schema", "writable", "unit", "displayName", "description", "comment" },
            "Telemetry" => new HashSet<string> { "@type", "@id", "name", "schema", "unit", "displayName", "description", "comment" },
            "Relationship" => new HashSet<string> { "@type", "@id", "name", "target", "maxMultiplicity", "minMultiplicity", "displayName", "description", "comment" },
            _ => new HashSet<string> { "@type", "@id", "name", "schema", "displayName", "description", "comment" },
        };
        foreach (var property in item.EnumerateObject())
            if (!allowed.Contains(property.Name))
                errors.Add(new ModelError(where, $"'{property.Name}' is not a property of a {kind}"));

        var (displayName, displayNameZh) = ReadDisplayName(item, where, errors);
        string? unit = null;
        if (item.TryGetProperty("unit", out var unitElement))
        {
            if (unitElement.ValueKind == JsonValueKind.String) unit = unitElement.GetString();
            else errors.Add(new ModelError(where, "'unit' must be a string"));
        }

        DtdlContent? content = null;
        var label = displayName ?? name ?? "";
        var labelZh = displayNameZh ?? label;
        switch (kind)
        {
            case "Property":
            case "Telemetry":
            {
                if (!item.TryGetProperty("schema", out var schemaElement))
                {
                    errors.Add(new ModelError(where, "'schema' is missing"));
                    break;
                }
                var schema = ReadSchema(schemaElement, where, 1, errors);
                if (schema is null) break;
                if (kind == "Property")
                {
                    var writable = false;
                    if (item.TryGetProperty("writable", out var w))
                    {
                        if (w.ValueKind is JsonValueKind.True or JsonValueKind.False) writable = w.GetBoolean();
                        else errors.Add(new ModelError(where, "'writable' must be true or false"));
                    }
                    content = new DtdlProperty(name ?? "", label, labelZh, schema, writable, unit);
                }
                else
                {
                    content = new DtdlTelemetry(name ?? "", label, labelZh, schema, unit);
                }
                break;
            }
            case "Relationship":
            {
                string? target = null;
                if (item.TryGetProperty("target", out var t))
                {
                    target = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    if (!IsDtmi(target)) errors.Add(new ModelError(where, $"'target' must be the DTMI of an interface (found {Show(t)})"));
                }
                int? max = null;
                if (item.TryGetProperty("maxMultiplicity", out var m))
                {
                    if (m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out var mv) && mv >= 1) max = mv;
                    else errors.Add(new ModelError(where, "'maxMultiplicity' must be a whole number of at least 1"));
                }
                if (item.TryGetProperty("minMultiplicity", out var min) && !(min.ValueKind == JsonValueKind.Number && min.TryGetInt32(out var minValue) && minValue == 0))
                    errors.Add(new ModelError(where, "'minMultiplicity' must be 0 in DTDL v3"));
                content = new DtdlRelationship(name ?? "", label, labelZh, target, max);
                break;
            }
            case "Component":
            {
                var schema = item.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (!IsDtmi(schema))
                    errors.Add(new ModelError(where, $"a Component's 'schema' must be the DTMI of an interface (found {(s.ValueKind == JsonValueKind.Undefined ? "nothing" : Show(s))})"));
                else
                    content = new DtdlComponent(name ?? "", label, labelZh, schema!);
                break;
            }
        }
        return errors.Count > before ? null : content;
    }

    private static DtdlSchema? ReadSchema(JsonElement element, string where, int depth, List<ModelError> errors)
    {
        if (depth > MaxSchemaDepth)
        {
            errors.Add(new ModelError(where, $"schemas may nest at most {MaxSchemaDepth} levels deep"));
            return null;
        }
        if (element.ValueKind == JsonValueKind.String)
        {
            var name = element.GetString()!;
            if (PrimitiveSchema.Names.TryGetValue(name, out var kind)) return new PrimitiveSchema(kind);
            errors.Add(new ModelError(where, IsDtmi(name)
                ? $"schema \"{name}\" refers to a reusable schema, which Lingjing's DTDL subset does not support; write the schema inline"
                : $"schema \"{name}\" is not a DTDL primitive ({string.Join(", ", PrimitiveSchema.Names.Keys)}) nor an Enum or Object"));
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ModelError(where, $"'schema' must be a primitive name or an Enum or Object (found {Show(element)})"));
            return null;
        }
        var type = element.TryGetProperty("@type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            "Enum" => ReadEnum(element, where, errors),
            "Object" => ReadObject(element, where, depth, errors),
            "Array" or "Map" => Fail($"{type} schemas are not supported by Lingjing's DTDL subset"),
            _ => Fail($"a complex schema's '@type' must be Enum or Object (found {Show(t)})"),
        };

        DtdlSchema? Fail(string problem)
        {
            errors.Add(new ModelError(where, problem));
            return null;
        }
    }

    private static DtdlSchema? ReadEnum(JsonElement element, string where, List<ModelError> errors)
    {
        var before = errors.Count;
        var valueSchema = element.TryGetProperty("valueSchema", out var vs) && vs.ValueKind == JsonValueKind.String ? vs.GetString() : null;
        if (valueSchema is not ("integer" or "string"))
        {
            errors.Add(new ModelError(where, $"an Enum's 'valueSchema' must be \"integer\" or \"string\" (found {Show(vs)})"));
            return null;
        }
        var integer = valueSchema == "integer";
        if (!element.TryGetProperty("enumValues", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            errors.Add(new ModelError(where, "an Enum needs a non-empty 'enumValues' array"));
            return null;
        }
        var list = new List<EnumValue>();
        var i = 0;
        foreach (var v in values.EnumerateArray())
        {
            var name = v.ValueKind == JsonValueKind.Object && v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var at = $"{where} > enumValues[{i++}]" + (name is null ? "" : $" '{name}'");
            if (name is null || !NamePattern().IsMatch(name))
            {
                errors.Add(new ModelError(at, "'name' is missing or not a valid name"));
                continue;
            }
            if (!v.TryGetProperty("enumValue", out var ev) || (integer ? !(ev.ValueKind == JsonValueKind.Number && ev.TryGetInt32(out _)) : ev.ValueKind != JsonValueKind.String))
            {
                errors.Add(new ModelError(at, $"'enumValue' must be {(integer ? "an integer" : "a string")}, as the valueSchema says"));
                continue;
            }
            if (list.Any(e => e.Name == name)) errors.Add(new ModelError(at, "the name is used by another value of the enum"));
            if (list.Any(e => e.Value.GetRawText() == ev.GetRawText())) errors.Add(new ModelError(at, $"the enumValue {ev.GetRawText()} is used by another value of the enum"));
            var label = v.TryGetProperty("displayName", out var dn) && dn.ValueKind == JsonValueKind.String ? dn.GetString()! : name;
            list.Add(new EnumValue(name, ev.Clone(), label));
        }
        return errors.Count > before ? null : new EnumSchema(integer, list);
    }

    private static DtdlSchema? ReadObject(JsonElement element, string where, int depth, List<ModelError> errors)
    {
        if (!element.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() == 0)
        {
            errors.Add(new ModelError(where, "an Object needs a non-empty 'fields' array"));
            return null;
        }
        var before = errors.Count;
        var list = new List<ObjectField>();
        var i = 0;
        foreach (var f in fields.EnumerateArray())
        {
            var name = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var at = $"{where} > fields[{i++}]" + (name is null ? "" : $" '{name}'");
            if (name is null || !NamePattern().IsMatch(name))
            {
                errors.Add(new ModelError(at, "'name' is missing or not a valid name"));
                continue;
            }
            if (list.Any(x => x.Name == name)) errors.Add(new ModelError(at, "the name is used by another field of the object"));
            if (!f.TryGetProperty("schema", out var s))
            {
                errors.Add(new ModelError(at, "'schema' is missing"));
                continue;
            }
            if (ReadSchema(s, at, depth + 1, errors) is { } schema) list.Add(new ObjectField(name, schema));
        }
        return errors.Count > before ? null : new ObjectSchema(list);
    }

    private static (string? En, string? Zh) ReadDisplayName(JsonElement element, string where, List<ModelError> errors, string key = "displayName")
    {
        if (!element.TryGetProperty(key, out var value)) return (null, null);
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return (value.GetString(), null);
            case JsonValueKind.Object:
            {
                string? en = null, zh = null;
                foreach (var p in value.EnumerateObject())
                {
                    if (p.Value.ValueKind != JsonValueKind.String)
                    {
                        errors.Add(new ModelError(where, $"'{key}' for language '{p.Name}' must be a string"));
                        continue;
                    }
                    if (p.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase)) en = p.Value.GetString();
                    else if (p.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) zh = p.Value.GetString();
                }
                return (en ?? zh, zh);
            }
            default:
                errors.Add(new ModelError(where, $"'{key}' must be a string or a map of language codes to strings"));
                return (null, null);
        }
    }

    private static string Show(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.String => $"\"{element.GetString()}\"",
        _ => element.GetRawText().Length > 60 ? element.GetRawText()[..60] + "..." : element.GetRawText(),
    };
}
