using System.Text.Json;
using Lingjing.Server.Features.Twins.Models;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>Checks a twin's property values against its model, adding each problem under the property's key
/// (<c>properties.kind</c>). The schema's own words ("expected a string") are the model language's, in English.</summary>
public static class TwinPropertyCheck
{
    public static readonly Field Properties = new("properties", "Properties");

    public static void Check(DtdlInterface model, JsonElement properties, FieldErrors errors)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Properties, "Properties are a JSON object of property names and values.");
            return;
        }
        foreach (var property in properties.EnumerateObject())
        {
            var field = new Field($"properties.{property.Name}", property.Name);
            var declared = model.FindProperty(property.Name);
            if (declared is null)
                errors.Add(field, "{0} does not declare this property; it has: {1}.", model.Id, string.Join(", ", model.Properties.Select(p => p.Name)));
            else if (declared.Schema.Check(property.Value) is { } problem)
                errors.Add(field, "{0}", problem);
        }
    }
}
