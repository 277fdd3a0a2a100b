using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Demo;

/// <summary>Generates <see cref="DemoBookings"/> from the demo zone and accounts, deterministically
/// for a seed and a start time. Bookings never overlap in their held ranges (end plus buffer), as
/// the database requires.</summary>
internal static class DemoBookingGenerator
{
    public const int PastDays = 28;
    public const int ComingDays = 14;

    public static DemoBookings Generate(int seed, DemoZone zone, DemoAccountSet accounts, DateTime nowUtc, TimeZoneInfo timeZone)
    {
        var random = new Random(seed + 4);
        var rules = zone.Spaces.Select(space => RulesFor(space, random, nowUtc)).ToList();
        var blackouts = Blackouts(zone.Spaces, random, nowUtc, timeZone);
        var parkOfEnterprise = zone.Enterprises.ToDictionary(e => e.Id, e => e.ParkId);
        var bookers = accounts.Users.Where(u => u.EnterpriseId is not null).ToList();
        var bookersByPark = bookers.GroupBy(u => parkOfEnterprise.GetValueOrDefault(u.EnterpriseId!.Value)).ToDictionary(g => g.Key, g => g.ToList());

        var now = new DateTimeOffset(nowUtc, TimeSpan.Zero);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);
        var bookings = new List<Booking>();
        foreach (var (space, rule) in zone.Spaces.Zip(rules))
        {
            var bookable = new BookableSpace(space, rule, blackouts.Where(b => b.SpaceId == space.Id).ToList());
            var pool = rule.Audience == BookingAudience.ParkTenants && bookersByPark.TryGetValue(space.ParkId, out var tenants) ? tenants : bookers;
            if (pool.Count == 0) continue;
            var popularity = Popularity(space.SpaceType);
            for (var day = today.AddDays(-PastDays); day <= today.AddDays(ComingDays); day = day.AddDays(1))
            {
                if (SpaceCalendar.Window(space, day, timeZone) is not { } window || bookable.BlackoutOn(day) is not null) continue;
                var held = new List<(DateTimeOffset Start, DateTimeOffset HeldUntil)>();
                var wanted = random.NextDouble() < popularity ? 1 + random.Next(3) : 0;
                for (var attempt = 0; attempt < wanted * 3 && held.Count < wanted; attempt++)
                {
                    var length = TimeSpan.FromMinutes(Math.Clamp(rule.DefaultMinutes + 30 * (random.Next(5) - 2), rule.MinMinutes, rule.MaxMinutes));
                    var slots = (int)((window.End - window.Start - length).TotalMinutes / 30);
                    if (slots < 0) break;
                    var start = window.Start.AddMinutes(30 * random.Next(slots + 1));
                    var heldUntil = start + length + rule.Buffer;
                    if (held.Any(h => h.Start < heldUntil && start < h.HeldUntil)) continue;
                    held.Add((start, heldUntil));
                    bookings.Add(Booking(random, space, rule, pool[random.Next(pool.Count)], start, start + length, heldUntil, now));
                }
            }
        }
        WithinActiveLimits(bookings, zone.Spaces, now.UtcDateTime);
        return new DemoBookings(rules, blackouts, bookings);
    }

    /// <summary>The demo keeps the zone's default limits on active bookings per person and per enterprise
    /// in each park, as booking through Lingjing would: a live booking not yet over that one would break
    /// becomes a cancelled one (after the random draws, so the rest of the demo stays as it was).</summary>
    private static void WithinActiveLimits(List<Booking> bookings, IReadOnlyList<Space> spaces, DateTime nowUtc)
    {
        var parkOf = spaces.ToDictionary(s => s.Id, s => s.ParkId);
        var perPerson = new Dictionary<(int, Guid), int>();
        var perEnterprise = new Dictionary<(int, int), int>();
        foreach (var booking in bookings.Where(b => BookingStatus.IsLive(b.Status) && b.EndsAt > nowUtc).OrderBy(b => b.CreatedAt).ThenBy(b => b.Id))
        {
            var park = parkOf[booking.SpaceId];
            var person = perPerson.GetValueOrDefault((park, booking.UserId));
            var enterprise = booking.EnterpriseId is { } e ? perEnterprise.GetValueOrDefault((park, e)) : 0;
            if (person >= BookingOptions.DefaultActivePerPerson || enterprise >= BookingOptions.DefaultActivePerEnterprise)
            {
                (booking.Status, booking.DecidedAt, booking.CheckedInAt) = (BookingStatus.Cancelled, null, null);
                continue;
            }
            perPerson[(park, booking.UserId)] = person + 1;
            if (booking.EnterpriseId is { } id) perEnterprise[(park, id)] = enterprise + 1;
        }
    }

    private static SpaceBookingRules RulesFor(Space space, Random random, DateTime nowUtc)
    {
        var rules = SpaceBookingRules.Defaults(space.Id);
        rules.UpdatedAt = nowUtc;
        switch (space.SpaceType)
        {
            case "theatre":
            case "exhibition-hall":
                (rules.DefaultMinutes, rules.MinMinutes, rules.MaxMinutes, rules.BufferMinutes) = (120, 60, 480, 30);
                rules.RequiresApproval = true;
                rules.MaxDaysAhead = 60;
                break;
            case "outdoor-venue":
                (rules.DefaultMinutes, rules.MinMinutes, rules.MaxMinutes, rules.BufferMinutes) = (180, 60, 480, 60);
                rules.RequiresApproval = random.NextDouble() < 0.5;
                break;
            case "meeting-room":
                (rules.DefaultMinutes, rules.MinMinutes, rules.MaxMinutes) = (60, 30, 240);
                rules.WeeklyQuotaPerEnterprise = random.NextDouble() < 0.5 ? 5 : null;
                rules.MaxDaysAhead = 30;
                break;
            default:
                (rules.DefaultMinutes, rules.MinMinutes, rules.MaxMinutes, rules.BufferMinutes) = (120, 60, 480, 15);
                break;
        }
        var audience = random.NextDouble();
        rules.Audience = audience < 0.25 ? BookingAudience.ParkTenants : audience < 0.5 ? BookingAudience.ZoneEnterprises : BookingAudience.SignedIn;
        return rules;
    }

    private static List<SpaceBlackout> Blackouts(IReadOnlyList<Space> spaces, Random random, DateTime nowUtc, TimeZoneInfo timeZone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, timeZone));
        string[] reasons = ["Maintenance", "Floor renovation", "Private event of the park", "Equipment upgrade"];
        var blackouts = new List<SpaceBlackout>();
        foreach (var space in spaces.Where(_ => random.NextDouble() < 0.03))
        {
            var first = today.AddDays(1 + random.Next(ComingDays));
            blackouts.Add(new SpaceBlackout
            {
                Id = blackouts.Count + 1, SpaceId = space.Id, FirstDay = first, LastDay = first.AddDays(random.Next(3)),
                Reason = reasons[random.Next(reasons.Length)],
            });
        }
        return blackouts;
    }

    private static double Popularity(string spaceType) => spaceType switch
    {
        "meeting-room" => 0.7,
        "studio" => 0.55,
        "theatre" or "exhibition-hall" => 0.4,
        _ => 0.3,
    };

    private static Booking Booking(Random random, Space space, SpaceBookingRules rules, LingjingUser user,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset heldUntil, DateTimeOffset now)
    {
        var booking = new Booking
        {
            Id = DemoAccountGenerator.RandomGuid(random),
            SpaceId = space.Id,
            UserId = user.Id,
            EnterpriseId = user.EnterpriseId,
            StartsAt = start.UtcDateTime,
            EndsAt = end.UtcDateTime,
            HeldUntil = heldUntil.UtcDateTime,
            Purpose = DemoPurposes[random.Next(DemoPurposes.Length)],
            Attendees = 1 + random.Next(Math.Max(1, space.Capacity)),
            CheckInCode = Convert.ToHexStringLower(RandomBytes(random, 12)),
            CreatedAt = (start - TimeSpan.FromDays(1 + random.Next(10))).UtcDateTime,
            Status = BookingStatus.Confirmed,
        };
        var roll = random.NextDouble();
        if (end <= now)
        {
            booking.RemindedAt = (start - TimeSpan.FromHours(1)).UtcDateTime;
            if (roll < 0.8) booking.CheckedInAt = (start - TimeSpan.FromMinutes(random.Next(15))).UtcDateTime;
            else if (roll < 0.9) (booking.Status, booking.ReleasedAt) = (BookingStatus.NoShow, (start + TimeSpan.FromMinutes(rules.NoShowReleaseMinutes)).UtcDateTime);
            else booking.Status = BookingStatus.Cancelled;
        }
        else if (start <= now)
        {
            booking.RemindedAt = (start - TimeSpan.FromHours(1)).UtcDateTime;
            booking.CheckedInAt = (start - TimeSpan.FromMinutes(5)).UtcDateTime;
        }
        else if (rules.RequiresApproval && roll < 0.35)
        {
            booking.Status = BookingStatus.Pending;
        }
        else if (roll > 0.95)
        {
            booking.Status = BookingStatus.Cancelled;
        }
        if (rules.RequiresApproval && booking.Status != BookingStatus.Pending)
        {
            booking.DecidedAt = booking.CreatedAt.AddHours(3);
            if (end <= now && roll > 0.97) (booking.Status, booking.DecisionReason, booking.CheckedInAt) = (BookingStatus.Rejected, "The space is reserved for a park event.", null);
        }
        return booking;
    }

    private static readonly string[] DemoPurposes =
    [
        "Team workshop 团队工作坊", "Client presentation 客户提案", "Product launch 新品发布", "Reading club 读书会",
        "Design review 设计评审", "Film screening 电影放映", "Recruitment talk 招聘宣讲", "Training session 培训",
        "Art exhibition 艺术展", "Rehearsal 排练", "Press conference 新闻发布会", "Board meeting 董事会",
    ];

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
