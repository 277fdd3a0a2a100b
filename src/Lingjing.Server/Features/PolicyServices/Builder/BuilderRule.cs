namespace Lingjing.Server.Features.PolicyServices.Builder;

/// <summary>A rule as the policy editor's builder shows it: conditions combined with all (and) or any (or).
/// Operators are the rule language's (&gt;= &gt; &lt;= &lt; == != in "not in") plus "is"/"is not" for
/// conditions that are a yes or no (above designated size, a tag).</summary>
public sealed record BuilderRule(string Combine, IReadOnlyList<BuilderCondition> Conditions)
{
    public const string All = "all";
    public const string Any = "any";
}

/// <param name="Values">Numbers as typed (percentages as percent: 10 for 10 %), or the chosen codes.</param>
public sealed record BuilderCondition(string Fact, string Operator, IReadOnlyList<string> Values);

/// <summary>Whether a rule text fits the builder: the rule in builder form, or why not (a clause it cannot show).</summary>
public sealed record BuilderReading(bool Fits, BuilderRule? Rule, string? Reason);

/// <summary>A fact the builder offers: its key (the rule text it stands for), what a person calls it, the
/// kind of value (number, percent, yuan, years, yes-no, choice, choices) and the choices where there are some.</summary>
public sealed record BuilderFact(string Key, string Label, string Kind, IReadOnlyList<BuilderChoice>? Choices = null);

public sealed record BuilderChoice(string Value, string Label);
