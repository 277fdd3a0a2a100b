namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>One top-level clause of a rule, whether it held for the enterprise, and the profile
/// values it looked at (e.g. <c>employees = 12</c>).</summary>
public sealed record ClauseResult(string Clause, int Start, int End, bool Held, IReadOnlyList<string> Values);
