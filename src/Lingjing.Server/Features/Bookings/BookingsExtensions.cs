namespace Lingjing.Server.Features.Bookings;

public static class BookingsExtensions
{
    public static WebApplicationBuilder AddBookings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddScoped<BookingService>();
        return builder;
    }

    public static WebApplication MapBookings(this WebApplication app)
    {
        app.MapBookingsApi();
        return app;
    }
}
