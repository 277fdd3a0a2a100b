using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>On PostgreSQL the database itself refuses overlapping live bookings, whatever code writes them.</summary>
public sealed class BookingConstraintTests
{
    [Fact]
    public async Task PostgreSQL_refuses_an_overlapping_live_booking_but_keeps_cancelled_ones_and_back_to_back_ones()
    {
        await using var app = await LingjingApp.StartAsync(Db.Postgres, demo: false);
        var scene = await BookingScene.CreateAsync(app, users: 0);
        var user = await TestUsers.CreateAsync(app, "direct@bookings.test", Roles.Employee);
        var start = new DateTime(2030, 1, 7, 2, 0, 0, DateTimeKind.Utc);

        await InsertAsync(app, New(scene.SpaceId, user.Id, start, start.AddHours(2), BookingStatus.Confirmed));
        await InsertAsync(app, New(scene.SpaceId, user.Id, start.AddHours(1), start.AddHours(3), BookingStatus.Cancelled));
        await InsertAsync(app, New(scene.SpaceId, user.Id, start.AddHours(2), start.AddHours(3), BookingStatus.Confirmed));

        var clash = await Should.ThrowAsync<DbUpdateException>(() =>
            InsertAsync(app, New(scene.SpaceId, user.Id, start.AddMinutes(30), start.AddMinutes(90), BookingStatus.Pending)));
        clash.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.ExclusionViolation);
        (await scene.LiveRowsAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task PostgreSQL_keeps_a_bookings_buffer_free()
    {
        await using var app = await LingjingApp.StartAsync(Db.Postgres, demo: false);
        var scene = await BookingScene.CreateAsync(app, users: 0);
        var user = await TestUsers.CreateAsync(app, "buffer@bookings.test", Roles.Employee);
        var start = new DateTime(2030, 1, 7, 2, 0, 0, DateTimeKind.Utc);
        await InsertAsync(app, New(scene.SpaceId, user.Id, start, start.AddHours(1), BookingStatus.Confirmed, heldUntil: start.AddMinutes(90)));

        var inBuffer = await Should.ThrowAsync<DbUpdateException>(() =>
            InsertAsync(app, New(scene.SpaceId, user.Id, start.AddMinutes(75), start.AddHours(2), BookingStatus.Confirmed)));
        inBuffer.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.ExclusionViolation);
        await InsertAsync(app, New(scene.SpaceId, user.Id, start.AddMinutes(90), start.AddHours(2), BookingStatus.Confirmed));
        (await scene.LiveRowsAsync()).ShouldBe(2);
    }

    private static Booking New(int spaceId, Guid userId, DateTime start, DateTime end, string status, DateTime? heldUntil = null) => new()
    {
        Id = Guid.NewGuid(), SpaceId = spaceId, UserId = userId, StartsAt = start, EndsAt = end, HeldUntil = heldUntil ?? end,
        Status = status, Purpose = "direct", CreatedAt = TestClock.Now.UtcDateTime,
    };

    private static async Task InsertAsync(LingjingApp app, Booking booking)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        db.Set<Booking>().Add(booking);
        await db.SaveChangesAsync();
    }
}
