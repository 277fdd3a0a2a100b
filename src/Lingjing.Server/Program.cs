using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Collaboration;
using Lingjing.Server.Features.Bookings.Oversight;
using Lingjing.Server.Features.Demo;
using Lingjing.Server.Features.Directory;
using Lingjing.Server.Features.EnterpriseFacts;
using Lingjing.Server.Features.Events;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Operations;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Features.Terminals;
using Lingjing.Server.Features.Government;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Features.Twins;
using Lingjing.Server.Features.World;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddLingjingPlatform();
builder.AddAccounts();
builder.AddZone();
builder.AddDirectory();
builder.AddDemoZone();
builder.AddTerminals();
builder.AddEnterpriseFacts();
builder.AddWorld();
builder.AddWorldRealtime();
builder.AddBookings();
builder.AddBookingOversight();
builder.AddNotifications();
builder.AddPolicyServices();
builder.AddCollaboration();
builder.AddEvents();
builder.AddDecisionRecord();
builder.AddGovernmentNotices();
builder.AddTwins();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseLingjingPlatform();
app.MapAccounts();
app.MapZone();
app.MapDirectory();
app.MapTerminals();
app.MapEnterpriseFacts();
app.MapWorld();
app.MapWorldRealtime();
app.MapBookings();
app.MapBookingOversight();
app.MapNotifications();
app.MapPolicyServices();
app.MapCollaboration();
app.MapEvents();
app.MapDecisionRecord();
app.MapGovernmentNotices();
app.MapTwins();
app.MapOperations();
app.MapLingjingPortal();

app.Run();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
