namespace Lingjing.Server.Features.World;

/// <summary>Places parks in one zone frame: metres east/north of the parks' mean coordinate
/// (an equirectangular projection, exact enough across a district).</summary>
public sealed class ZoneLayout
{
    private const double MetresPerDegreeLatitude = 110_574;
    private const double MetresPerDegreeLongitudeAtEquator = 111_320;

    private readonly double latitude;
    private readonly double longitude;
    private readonly double metresPerDegreeLongitude;

    public ZoneLayout(IReadOnlyCollection<(double Latitude, double Longitude)> parks)
    {
        latitude = parks.Count == 0 ? 0 : parks.Average(p => p.Latitude);
        longitude = parks.Count == 0 ? 0 : parks.Average(p => p.Longitude);
        metresPerDegreeLongitude = MetresPerDegreeLongitudeAtEquator * Math.Cos(latitude * Math.PI / 180);
    }

    /// <summary>The park centre's position in the zone frame, [x, z].</summary>
    public double[] Place(double parkLatitude, double parkLongitude) =>
    [
        Math.Round((parkLongitude - longitude) * metresPerDegreeLongitude, 1),
        Math.Round((parkLatitude - latitude) * MetresPerDegreeLatitude, 1),
    ];
}
