using System.Collections.Concurrent;
using System.Reflection;

namespace Lingjing.Server.Features.Twins.Models;

/// <summary>The models twins may use: the ones shipped in Features/Twins/Models/dtdl (embedded in
/// the server) and the ones operators uploaded. Checks references between models (relationship
/// targets, component schemas) over the whole set.</summary>
public sealed class TwinModelCatalog
{
    private const string ResourcePrefix = "Lingjing.Server.Features.Twins.Models.dtdl.";
    private readonly ConcurrentDictionary<string, DtdlInterface> interfaces = new(StringComparer.Ordinal);

    public TwinModelCatalog()
    {
        var assembly = typeof(TwinModelCatalog).Assembly;
        var shipped = new List<DtdlInterface>();
        var errors = new List<ModelError>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var (parsed, problems) = DtdlParser.Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]);
            shipped.AddRange(parsed);
            errors.AddRange(problems);
        }
        errors.AddRange(CheckReferences(shipped));
        if (errors.Count > 0)
            throw new InvalidOperationException("The shipped twin models are not valid: " + string.Join("; ", errors));
        foreach (var model in shipped) interfaces[model.Id] = model;
        Shipped = shipped.Select(m => m.Id).ToHashSet();
    }

    /// <summary>Ids of the models that come with Lingjing.</summary>
    public IReadOnlySet<string> Shipped { get; }

    public IReadOnlyCollection<DtdlInterface> All => interfaces.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

    public DtdlInterface? Find(string? id) => id is not null && interfaces.TryGetValue(id, out var model) ? model : null;

    /// <summary>Parses and checks a document against the catalogue. The models are not added.</summary>
    public (List<DtdlInterface> Interfaces, List<ModelError> Errors) Check(string json, string source)
    {
        var (parsed, errors) = DtdlParser.Parse(json, source);
        var ids = new HashSet<string>();
        foreach (var model in parsed)
        {
            if (!ids.Add(model.Id)) errors.Add(new ModelError(model.Id, "the document defines this interface twice"));
            else if (interfaces.ContainsKey(model.Id))
                errors.Add(new ModelError(model.Id, "a model with this id exists already; models never change, upload a new version (e.g. ;2)"));
        }
        if (errors.Count == 0) errors.AddRange(CheckReferences(parsed));
        return (parsed, errors);
    }

    /// <summary>Adds checked models (uploaded now, or read back from the database at start).</summary>
    public void Add(IEnumerable<DtdlInterface> models)
    {
        foreach (var model in models) interfaces[model.Id] = model;
    }

    private List<ModelError> CheckReferences(IReadOnlyCollection<DtdlInterface> candidates)
    {
        var errors = new List<ModelError>();
        var known = candidates.ToDictionary(c => c.Id);
        DtdlInterface? Resolve(string id) => known.TryGetValue(id, out var m) ? m : Find(id);
        foreach (var model in candidates)
        {
            foreach (var relationship in model.Relationships)
                if (relationship.Target is { } target && Resolve(target) is null)
                    errors.Add(new ModelError($"{model.Id} > {relationship.Name}", $"the relationship's target {target} is not a known model"));
            foreach (var component in model.Components)
            {
                var schema = Resolve(component.Schema);
                if (schema is null)
                    errors.Add(new ModelError($"{model.Id} > {component.Name}", $"the component's schema {component.Schema} is not a known model"));
                else if (schema.Components.Any())
                    errors.Add(new ModelError($"{model.Id} > {component.Name}", $"the component's schema {component.Schema} has components itself, which DTDL does not allow"));
            }
        }
        return errors;
    }
}
