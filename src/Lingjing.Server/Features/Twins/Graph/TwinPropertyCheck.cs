using System.Text.Json;
using Lingjing.Server.Features.Twins.Models;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>Checks a twin's property values against its model; each problem names the property.</summary>
public static class TwinPropertyCheck
{
    public static List<string> Check(DtdlInterface model, JsonElement properties)
    {
        var problems = new List<string>();
        if (properties.ValueKind != JsonValueKind.Object)
        {
            problems.Add("properties must be a JSON object");
            return problems;
        }
        foreach (var property in properties.EnumerateObject())
        {
            var declared = model.FindProperty(property.Name);
            if (declared is null)
                problems.Add($"property '{property.Name}' is not declared by {model.Id} (properties: {string.Join(", ", model.Properties.Select(p => p.Name))})");
            else if (declared.Schema.Check(property.Value) is { } problem)
                problems.Add($"property '{property.Name}': {problem}");
        }
        return problems;
    }
}
