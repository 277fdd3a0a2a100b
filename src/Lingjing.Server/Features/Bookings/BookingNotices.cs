using System.Globalization;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Everything the booking lifecycle tells people, in both languages, in one place. Each
/// message names where the booking is (room, building and floor, park, street address). Each message
/// about a booking carries a dedup key, so a retried step never tells anyone twice.</summary>
public sealed class BookingNotices(Notifier notifier, IOptions<LingjingOptions> options)
{
    private readonly TimeZoneInfo zone = options.Value.ZoneTimeZone;

    public Task RequestedAsync(Booking booking, BookingPlace place, CancellationToken ct) =>
        notifier.NotifyParkOperatorsAsync(place.ParkId, new NotificationMessage("booking.requested",
            $"Booking to approve: {place.RoomNameEn}", $"待审批预约：{place.RoomNameZh}",
            $"{WhereEn(place)} is requested for {When(booking)}. Approve or reject it in the park terminal.",
            $"{WhereZh(place)} 申请于 {When(booking)} 使用，请在园区端审批。", "/park/bookings", $"booking.requested:{booking.Id}"), ct);

    /// <summary>A pending booking moved to a new time: the operators decide again (one message per new time).</summary>
    public Task RescheduledAsync(Booking booking, BookingPlace place, CancellationToken ct) =>
        notifier.NotifyParkOperatorsAsync(place.ParkId, new NotificationMessage("booking.requested",
            $"Booking to approve (new time): {place.RoomNameEn}", $"待审批预约（时间已更改）：{place.RoomNameZh}",
            $"{WhereEn(place)} is now requested for {When(booking)}. Approve or reject it in the park terminal.",
            $"{WhereZh(place)} 改为申请于 {When(booking)} 使用，请在园区端审批。", "/park/bookings",
            $"booking.requested:{booking.Id}:{booking.StartsAt.Ticks}:{booking.EndsAt.Ticks}"), ct);

    public Task ApprovedAsync(Booking booking, BookingPlace place, CancellationToken ct) =>
        TellBookerAsync(booking, "booking.approved", $"Booking approved: {place.RoomNameEn}", $"预约已通过：{place.RoomNameZh}",
            $"Your booking of {WhereEn(place)} on {When(booking)} is confirmed. Check in from 15 minutes before the start.",
            $"您于 {When(booking)} 预约的{WhereZh(place)}已确认，开始前 15 分钟起可签到。", ct);

    public Task RejectedAsync(Booking booking, BookingPlace place, string reason, CancellationToken ct) =>
        TellBookerAsync(booking, "booking.rejected", $"Booking rejected: {place.RoomNameEn}", $"预约未通过：{place.RoomNameZh}",
            $"Your booking of {WhereEn(place)} on {When(booking)} was rejected: {reason}",
            $"您于 {When(booking)} 预约的{WhereZh(place)}未通过：{reason}", ct);

    public Task ReleasedAsync(Booking booking, BookingPlace place, int releaseMinutes, CancellationToken ct) =>
        TellBookerAsync(booking, "booking.released", $"Booking released: {place.RoomNameEn}", $"预约已释放：{place.RoomNameZh}",
            $"Nobody checked in to {WhereEn(place)} at {When(booking)} within {releaseMinutes} minutes, so the time was released for others.",
            $"{When(booking)} 的{WhereZh(place)}在开始后 {releaseMinutes} 分钟内无人签到，时段已释放。", ct);

    public Task ReminderAsync(Booking booking, BookingPlace place, CancellationToken ct) =>
        TellBookerAsync(booking, "booking.reminder", $"Starting soon: {place.RoomNameEn}", $"即将开始：{place.RoomNameZh}",
            $"Your booking of {WhereEn(place)} starts at {When(booking)}. Check in with the QR code from 15 minutes before.",
            $"您预约的{WhereZh(place)}将于 {When(booking)} 开始，开始前 15 分钟起可扫码签到。", ct);

    private Task TellBookerAsync(Booking booking, string kind, string title, string titleZh, string body, string bodyZh, CancellationToken ct) =>
        notifier.NotifyUsersAsync([booking.UserId], new NotificationMessage(kind, title, titleZh, body, bodyZh, $"/bookings/{booking.Id}", $"{kind}:{booking.Id}"), ct);

    private static string WhereEn(BookingPlace place) => $"{place.LineEn} ({place.AddressEn})";

    private static string WhereZh(BookingPlace place) => $"{place.LineZh}（{place.AddressZh}）";

    private string When(Booking booking) =>
        SpaceCalendar.InZone(SpaceCalendar.Utc(booking.StartsAt), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
