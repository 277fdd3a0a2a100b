namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>The park operator's and the government's booking views: approval queue, week calendar,
/// space rules page, utilization. Pages live in Features/Bookings/Oversight/Pages.</summary>
public static class BookingOversightExtensions
{
    public static WebApplicationBuilder AddBookingOversight(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BookingUtilization>();
        builder.Services.AddScoped<ParkWeekCalendars>();
        builder.Services.AddScoped<ApprovalQueue>();
        return builder;
    }

    public static WebApplication MapBookingOversight(this WebApplication app)
    {
        app.MapBookingOversightApi();
        return app;
    }
}
