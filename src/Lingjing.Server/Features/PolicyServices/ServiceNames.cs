using Lingjing.Server.Components.Shared;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Names of the government's service categories in the UI language.</summary>
public static class ServiceNames
{
    public static string Category(string code)
    {
        var (zh, en) = ServiceCategories.Name(code);
        return Bilingual.Pick(zh, en);
    }
}
