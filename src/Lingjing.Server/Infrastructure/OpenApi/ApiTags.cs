namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>What each group of operations is about, in the order a reader meets them. A tag used by an operation but
/// missing here fails the API document test.</summary>
public static class ApiTags
{
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        ("Authentication", "Exchange an email and password for a bearer token; sign out."),
        ("Sessions", "The caller's signed-in sessions on every device; ending one ends it at once."),
        ("API keys", "Keys for machines: named, scoped, expiring, revoked at once; made by the government, park operators and enterprise administrators."),
        ("Me", "The signed-in person: who they are and their avatar in the world."),
        ("Staff accounts", "Administrators create and disable the accounts of their enterprise's or park's people."),
        ("Zone", "The zone in figures: enterprises, parks, spaces and growth, for the dashboards."),
        ("Directory", "Search the registry: parks, enterprises, service institutions and spaces, with their details."),
        ("Enterprise", "An enterprise's own profile, as its administrators keep it."),
        ("Enterprise facts", "Verified facts about enterprises (employees, revenue, qualifications): changes proposed, reviewed and recorded."),
        ("Park", "A park operator's view of their park."),
        ("Bookings", "Reserve offline spaces, see and change one's bookings, calendars (.ics) and check-in."),
        ("Space rules", "Opening hours, durations, quotas and approval rules of a space, kept by its park or the government."),
        ("Bookings: park and zone views", "Utilisation, approvals and bookings across a park or the whole zone."),
        ("Notifications", "What the signed-in person has been told, read and unread."),
        ("Policies", "Support policies with machine-checked eligibility: publishing, matching, applications, reviews and payouts."),
        ("Public policy catalogue", "Published policies for everyone, without signing in."),
        ("Government services", "The catalogue of matters, applying for one, and electronic certificates with their public verification."),
        ("Service hall", "Desks, numbers and queues of the government's service hall, live; officials' calls and the service figures."),
        ("Notices and consultations", "The government's notices to targeted enterprises, and public consultations on drafts."),
        ("Record", "The hash-chained, signed record of every decision that decides money or rights: its head, entries and export."),
        ("Collaboration", "Enterprises' needs and offers, matched partners, conversations and the collaboration feed."),
        ("Events", "Conferences, forums and launches: agendas, registration, tickets, the hall's stage, questions and polls."),
        ("Expo", "Expo halls and the permanent demonstration hall: booths, their content, visits and leads."),
        ("World", "The 3D world: parks, buildings, scenes and bans; the live connection is a WebSocket at /world/ws."),
        ("Twins", "Digital twins of the parks' buildings, rooms and equipment, and their telemetry history."),
        ("Telemetry", "Devices send readings over HTTP (or MQTT); the latest and the history per twin."),
        ("Devices", "Registering devices and their credentials for telemetry."),
        ("Alarms", "Alarm rules over telemetry, alarms raised and cleared, acknowledged by people."),
        ("Operations", "Health of the installation: nodes, jobs and what they last did."),
    ];
}
