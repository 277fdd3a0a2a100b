namespace Lingjing.Server.Features.PolicyServices.Rules;

public enum RuleType
{
    Number,
    String,
    Boolean,
    NumberList,
    StringList,
}
