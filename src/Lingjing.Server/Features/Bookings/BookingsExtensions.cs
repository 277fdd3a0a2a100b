using Lingjing.Server.Infrastructure.Jobs;
using Lingjing.Server.Infrastructure.Options;

namespace Lingjing.Server.Features.Bookings;

public static class BookingsExtensions
{
    public static WebApplicationBuilder AddBookings(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<BookingOptions, BookingOptionsValidator>(builder.Configuration.GetSection(BookingOptions.Section));
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddSingleton<BookableSpaces>();
        builder.Services.AddScoped<BookingWriter>();
        builder.Services.AddScoped<BookingAudienceCheck>();
        builder.Services.AddScoped<BookingService>();
        builder.Services.AddSingleton<BookingMetrics>();
        builder.Services.AddScoped<BookingNotices>();
        builder.Services.AddScoped<BookingDecisions>();
        builder.Services.AddScoped<BookingCalendars>();
        builder.Services.AddScoped<SpaceRulesService>();
        builder.Services.AddScoped<BookingPlaces>();
        builder.Services.AddScoped<ParkLimitsService>();
        builder.Services.AddScoped<BookingHousekeeper>();
        builder.Services.AddRecurringJob<BookingHousekeeping>();
        return builder;
    }

    public static WebApplication MapBookings(this WebApplication app)
    {
        app.MapBookingsApi();
        app.MapBookingForms();
        return app;
    }
}
