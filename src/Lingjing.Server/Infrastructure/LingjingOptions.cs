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
    /// <summary>The address people reach Lingjing at (e.g. <c>https://park.example.cn</c>): absolute links in
    /// calendars and QR codes, the accepted Origin, HSTS. Empty: derived from the first configured URL.</summary>
    public string PublicBaseUrl { get; set; } = "";
    /// <summary>More origins whose pages may open the world WebSocket and post with the portal cookie.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public TimeZoneInfo ZoneTimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
