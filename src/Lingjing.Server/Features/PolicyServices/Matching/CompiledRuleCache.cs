using System.Collections.Concurrent;
using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Compiled rules by rule text and vocabulary stamp: a rematch compiles only rules it has not
/// seen with the current parks and tags.</summary>
public sealed class CompiledRuleCache
{
    private const int MaxEntries = 4_096;
    private readonly ConcurrentDictionary<(string Text, string Stamp), CompiledRule> rules = new();

    public CompiledRule Get(string text, RuleVocabulary vocabulary)
    {
        var key = (text, vocabulary.Stamp);
        if (rules.TryGetValue(key, out var compiled)) return compiled;
        if (rules.Count >= MaxEntries) rules.Clear();
        compiled = RuleCompiler.Compile(PolicyRule.Parse(text, vocabulary), vocabulary);
        rules[key] = compiled;
        return compiled;
    }

    /// <summary>Compiled forms of many rules, the missing ones compiled in parallel.</summary>
    public IReadOnlyList<CompiledRule> GetAll(IReadOnlyList<string> texts, RuleVocabulary vocabulary)
    {
        var compiled = new CompiledRule[texts.Count];
        Parallel.For(0, texts.Count, i => compiled[i] = Get(texts[i], vocabulary));
        return compiled;
    }
}
