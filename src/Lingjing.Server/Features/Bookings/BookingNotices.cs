using System.Globalization;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Everything the booking lifecycle tells people, in both languages, in one place. Each
/// message about a booking carries a dedup key, so a retried step never tells anyone twice.</summary>
public sealed class BookingNotices(Notifier notifier, IOptions<LingjingOptions> options)
{
    private readonly TimeZoneInfo zone = options.Value.ZoneTimeZone;

    public Task RequestedAsync(Booking booking, Space space, CancellationToken ct) =>
        notifier.NotifyParkOperatorsAsync(space.ParkId, new NotificationMessage("booking.requested",
            $"Booking to approve: {space.NameEn}", $"待审批预约：{space.NameZh}",
            $"{space.NameEn} is requested for {When(booking)}. Approve or reject it in the park terminal.",
            $"{space.NameZh} 申请于 {When(booking)} 使用，请在园区端审批。", "/park/bookings", $"booking.requested:{booking.Id}"), ct);

    public Task ApprovedAsync(Booking booking, Space space, CancellationToken ct) =>
        TellBookerAsync(booking, "booking.approved", $"Booking approved: {space.NameEn}", $"预约已通过：{space.NameZh}",
            $"Your booking of {space.NameEn} on {When(booking)} is confirmed. Check in from 15 minutes before the start.",
            $"您于 {When(booking)} 预约的{space.NameZh}已确认，开始前 15 分钟起可签到。", ct);

    public Task RejectedAsync(Booking booking, Space space, string reason, CancellationToken ct) =>
        TellBookerAsync(booking, "booking.rejected", $"Booking rejected: {space.NameEn}", $"预约未通过：{space.NameZh}",
            $"Your booking of {space.NameEn} on {When(booking)} was rejected: {reason}",
            $"您于 {When(booking)} 预约的{space.NameZh}未通过：{reason}", ct);

    public Task ReleasedAsync(Booking booking, Space space, int releaseMinutes, CancellationToken ct) =>
        TellBookerAsync(booking, "booking.released", $"Booking released: {space.NameEn}", $"预约已释放：{space.NameZh}",
            $"Nobody checked in to {space.NameEn} at {When(booking)} within {releaseMinutes} minutes, so the time was released for others.",
            $"{When(booking)} 的{space.NameZh}在开始后 {releaseMinutes} 分钟内无人签到，时段已释放。", ct);

    public Task ReminderAsync(Booking booking, Space space, CancellationToken ct) =>
        TellBookerAsync(booking, "booking.reminder", $"Starting soon: {space.NameEn}", $"即将开始：{space.NameZh}",
            $"Your booking of {space.NameEn} starts at {When(booking)}. Check in with the QR code from 15 minutes before.",
            $"您预约的{space.NameZh}将于 {When(booking)} 开始，开始前 15 分钟起可扫码签到。", ct);

    private Task TellBookerAsync(Booking booking, string kind, string title, string titleZh, string body, string bodyZh, CancellationToken ct) =>
        notifier.NotifyUsersAsync([booking.UserId], new NotificationMessage(kind, title, titleZh, body, bodyZh, $"/bookings/{booking.Id}", $"{kind}:{booking.Id}"), ct);

    private string When(Booking booking) =>
        SpaceCalendar.InZone(SpaceCalendar.Utc(booking.StartsAt), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
