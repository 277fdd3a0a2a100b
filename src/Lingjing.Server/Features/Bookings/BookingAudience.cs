namespace Lingjing.Server.Features.Bookings;

/// <summary>Who may book a space.</summary>
public static class BookingAudience
{
    /// <summary>Enterprises in the space's park and people of that park.</summary>
    public const string ParkTenants = "park-tenants";
    /// <summary>Any enterprise of the zone.</summary>
    public const string ZoneEnterprises = "zone-enterprises";
    public const string SignedIn = "signed-in";

    public static readonly IReadOnlyList<string> All = [ParkTenants, ZoneEnterprises, SignedIn];

    public static string Describe(string audience) => audience switch
    {
        ParkTenants => "tenants of the space's park",
        ZoneEnterprises => "enterprises of the zone",
        _ => "everyone signed in",
    };
}
