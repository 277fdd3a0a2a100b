using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Record;

/// <summary>Settings under <c>Lingjing:Record</c>.</summary>
public sealed class RecordOptions
{
    public const string Section = "Lingjing:Record";

    /// <summary>The server's signing key (PEM, ECDSA P-256), made on first start; by default <c>record-signing-key.pem</c>
    /// in the data directory. Every node of a cluster must read the same key. Keep it out of the database: whoever holds
    /// both could rewrite the record and sign it again.</summary>
    public string? KeyFile { get; set; }

    /// <summary>How often the chain's head is published (when it moved) for anyone to keep.</summary>
    public TimeSpan PublishHeadEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often entries a moment's sealing missed (their transaction committed later) are sealed.</summary>
    public TimeSpan SealEvery { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed class RecordOptionsValidator : IValidateOptions<RecordOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordOptions options) => new SettingsCheck(RecordOptions.Section)
        .Require(options.PublishHeadEvery >= TimeSpan.FromSeconds(1) && options.PublishHeadEvery <= TimeSpan.FromDays(1), "PublishHeadEvery",
            $"must be between 00:00:01 and 1.00:00:00 (got {options.PublishHeadEvery}).")
        .Require(options.SealEvery >= TimeSpan.FromMilliseconds(100) && options.SealEvery <= TimeSpan.FromHours(1), "SealEvery",
            $"must be between 00:00:00.1 and 01:00:00 (got {options.SealEvery}).")
        .Result();
}
