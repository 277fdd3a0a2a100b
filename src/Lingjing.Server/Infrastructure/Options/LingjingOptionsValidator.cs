using Microsoft.Extensions.Options;

namespace Lingjing.Server.Infrastructure.Options;

/// <summary>Checks the <c>Lingjing</c> section at start: the time zone exists, the data directory is named.</summary>
public sealed class LingjingOptionsValidator : IValidateOptions<LingjingOptions>
{
    public ValidateOptionsResult Validate(string? name, LingjingOptions options) => new SettingsCheck(LingjingOptions.Section)
        .Require(TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), "TimeZone",
            $"'{options.TimeZone}' is not a time zone id; use an IANA id such as Asia/Shanghai.")
        .Require(!string.IsNullOrWhiteSpace(options.DataDirectory), "DataDirectory", "must name a directory, e.g. ./data.")
        .Result();
}
