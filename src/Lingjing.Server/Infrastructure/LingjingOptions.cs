namespace Lingjing.Server.Infrastructure;

/// <summary>The <c>Lingjing</c> configuration section.</summary>
public sealed class LingjingOptions
{
    public const string Section = "Lingjing";

    /// <summary>Where the SQLite database, uploads and data-protection keys live.</summary>
    public string DataDirectory { get; set; } = "./data";
    /// <summary>Seed the synthetic demo zone on first run and enable the demo accounts.</summary>
    public bool Demo { get; set; } = true;
    /// <summary>Seed of the demo generator; the same seed gives the same zone.</summary>
    public int DemoSeed { get; set; } = 20261124;
    /// <summary>The zone's time zone (IANA id); instants are stored in UTC and shown in this zone.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public TimeZoneInfo ZoneTimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
