using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Why a policy operation failed: 400 (with the rule error when a rule was refused), 404 or 409.</summary>
public sealed record PolicyError(int Status, string Detail, RuleError? RuleError = null)
{
    public static PolicyError BadInput(string detail, RuleError? rule = null) => new(StatusCodes.Status400BadRequest, detail, rule);
    public static PolicyError NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);
    public static PolicyError Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);
}
