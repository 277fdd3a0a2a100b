using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Features.Government.ServiceHall;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Government;

/// <summary>A server with a service hall of three desks: A and B open at every hour of every day, C never open (its
/// hours are a minute of a day it does not work), with an appointment room; officials and visitors signed in.</summary>
public sealed class ServiceHallScene : IAsyncDisposable
{
    public required LingjingApp App { get; init; }
    public required int DeskA { get; init; }
    public required int DeskB { get; init; }
    public required int DeskC { get; init; }
    public required int AppointmentRoom { get; init; }

    public static async Task<ServiceHallScene> StartAsync(Db db, bool kestrel = false)
    {
        var app = await LingjingApp.StartAsync(db, demo: false, kestrel: kestrel);
        int a, b, c, room;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var park = ZoneRows.Park("Service Park");
            context.Add(park);
            await context.SaveChangesAsync();
            var space = ZoneRows.Space(park.Id, "Appointment room C");
            context.Add(space);
            await context.SaveChangesAsync();
            ServiceDesk Desk(string code, string category, int weekdays, string hours, int position) => new()
            {
                Code = code, Category = category, NameZh = code + " 窗口", NameEn = $"Desk {code}", Weekdays = weekdays, Hours = hours, Position = position,
                AppointmentSpaceId = code == "C" ? space.Id : null,
            };
            var desks = new[]
            {
                Desk("A", ServiceCategories.EnterpriseServices, 0b1111111, "00:00-23:59", 0),
                Desk("B", ServiceCategories.CopyrightIp, 0b1111111, "00:00-23:59", 1),
                Desk("C", ServiceCategories.EventPermits, 0, "09:00-09:01", 2),
            };
            context.AddRange(desks);
            await context.SaveChangesAsync();
            (a, b, c, room) = (desks[0].Id, desks[1].Id, desks[2].Id, space.Id);
        }
        return new ServiceHallScene { App = app, DeskA = a, DeskB = b, DeskC = c, AppointmentRoom = room };
    }

    public async Task<HttpClient> PersonAsync(string name, string role = Roles.Employee)
    {
        await TestUsers.CreateAsync(App, $"{name}@example.test", role);
        return await App.SignedInAsync($"{name}@example.test", TestUsers.Password);
    }

    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await request;
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
