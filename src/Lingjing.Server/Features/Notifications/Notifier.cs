using System.Globalization;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lingjing.Server.Features.Notifications;

/// <summary>Puts messages into people's notification centres. Each call is one INSERT ... SELECT
/// over the users it targets, so telling every account of thousands of enterprises is a few
/// statements, and a dedup key is enforced by a unique index, not by a read-then-write race. Open bells
/// of the people it reached are told to re-count.</summary>
public sealed class Notifier(LingjingDbContext db, DatabaseSettings database, TimeProvider clock, LiveBroadcast<NotificationAudience> bells)
{
    // Well under SQLite's and PostgreSQL's parameter limits.
    private const int ChunkSize = 500;

    /// <summary>Returns how many notifications were added (people who already had the dedup key are skipped).</summary>
    public async Task<int> NotifyUsersAsync(IReadOnlyCollection<Guid> userIds, NotificationMessage message, CancellationToken ct = default) =>
        Told(await NotifyWhereInAsync("u.id", userIds.Distinct().Select(database.GuidParameter).ToList(), message, ct), new NotificationAudience(Users: userIds.ToHashSet()));

    /// <summary>Tells every account of these enterprises (administrators and members).</summary>
    public async Task<int> NotifyEnterprisesAsync(IReadOnlyCollection<int> enterpriseIds, NotificationMessage message, CancellationToken ct = default) =>
        Told(await NotifyWhereInAsync("u.enterprise_id", enterpriseIds.Distinct().Cast<object>().ToList(), message, ct), new NotificationAudience(Enterprises: enterpriseIds.ToHashSet()));

    /// <summary>Tells every staff account of these service institutions.</summary>
    public async Task<int> NotifyInstitutionsAsync(IReadOnlyCollection<int> institutionIds, NotificationMessage message, CancellationToken ct = default) =>
        Told(await NotifyWhereInAsync("u.institution_id", institutionIds.Distinct().Cast<object>().ToList(), message, ct), new NotificationAudience(Institutions: institutionIds.ToHashSet()));

    public async Task<int> NotifyParkOperatorsAsync(int parkId, NotificationMessage message, CancellationToken ct = default) =>
        Told(await InsertAsync("u.park_id = {8} AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_id = {9})",
            [parkId, database.GuidParameter(RoleIds.For(Roles.ParkOperator))], message, ct), new NotificationAudience(ParkOperatorsOf: parkId));

    private int Told(int added, NotificationAudience audience)
    {
        if (added > 0) bells.Publish(audience);
        return added;
    }

    private async Task<int> NotifyWhereInAsync(string column, List<object> keys, NotificationMessage message, CancellationToken ct)
    {
        var added = 0;
        foreach (var chunk in keys.Chunk(ChunkSize))
        {
            var placeholders = string.Join(", ", chunk.Select((_, i) => $"{{{8 + i}}}"));
            added += await InsertAsync($"{column} IN ({placeholders})", chunk, message, ct);
        }
        return added;
    }

    private async Task<int> InsertAsync(string where, IEnumerable<object> whereParameters, NotificationMessage message, CancellationToken ct)
    {
        object?[] values =
        [
            Clip(message.Kind, 40), Clip(message.Title, 200), Clip(message.TitleZh, 200), Clip(message.Body, 2000),
            Clip(message.BodyZh, 2000), message.Link is null ? null : Clip(message.Link, 500),
            message.DedupKey is null ? null : Clip(message.DedupKey, 200), clock.GetUtcNow().UtcDateTime,
            .. whereParameters,
        ];
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            // Runs inside the caller's transaction when there is one, so a notification commits with its cause.
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT; both databases accept this form.
            command.CommandText = string.Format(CultureInfo.InvariantCulture,
                "INSERT INTO notifications (user_id, kind, title, title_zh, body, body_zh, link, dedup_key, created_at) " +
                "SELECT u.id, {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7} FROM users u WHERE " + where + " ON CONFLICT DO NOTHING",
                values.Select((_, i) => (object)("@p" + i.ToString(CultureInfo.InvariantCulture))).ToArray());
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            return await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
