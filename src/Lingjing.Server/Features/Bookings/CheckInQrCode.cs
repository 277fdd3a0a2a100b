using QRCoder;

namespace Lingjing.Server.Features.Bookings;

/// <summary>The check-in QR code of a booking: an SVG of the check-in address, which carries the
/// booking's secret code so a phone scan at the door opens the check-in page.</summary>
public static class CheckInQrCode
{
    public static string Url(string baseUrl, Booking booking) => $"{baseUrl}/check-in/{booking.Id}?code={booking.CheckInCode}";

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }
}
