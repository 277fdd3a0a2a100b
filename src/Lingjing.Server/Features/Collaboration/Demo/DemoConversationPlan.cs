using System.Globalization;
using Lingjing.Server.Features.Collaboration.Conversations;

namespace Lingjing.Server.Features.Collaboration.Demo;

/// <summary>The demo zone's conversations, generated after the collaboration plan with a random of their own (so the
/// needs, offers and the matching benchmark's ground truth stay as they are): a thread for every agreement (the partner
/// wrote first, they talked, some met, the client proposed), threads of partners that fit open and in-talks needs, and
/// threads of enterprises writing to offers. The latest message of a recent thread is often not read yet, so a demo
/// account opens its conversations with something new in them.</summary>
public sealed class DemoConversationPlan
{
    public required IReadOnlyList<Conversation> Conversations { get; init; }
    public required IReadOnlyList<ConversationMessage> Messages { get; init; }

    private static readonly string[] People = ["王敏", "李强", "张婷", "刘洋", "陈静", "杨帆", "赵磊", "黄蕾", "周杰", "吴倩", "徐峰", "孙悦", "马骏", "朱琳", "胡斌", "郭蓉"];

    private static readonly string[] Openers =
    [
        "您好，我们是{name}，看到贵方的需求“{title}”。我们在这方面做过多个项目，想了解一下预算和时间安排。",
        "您好！关于“{title}”，我们团队有相关经验，可以先发一份案例介绍给您参考吗？",
        "Hello, we are {name}. We read your need \"{title}\" and have done similar work; could we talk about the schedule?",
    ];

    private static readonly string[] ClientReplies =
    [
        "您好，感谢关注。预算大致在需求里写的范围内，希望在截止日期前完成，方便发一下过往案例吗？",
        "谢谢联系！我们比较关心交付周期和团队规模，能否简单介绍一下？",
        "Thanks for writing. Could you share two or three projects like this one and a rough plan?",
    ];

    private static readonly string[] Middles =
    [
        "好的，案例介绍稍后发到这里。我们一般先出方案，确认后两周内开工。",
        "我们的核心团队8人，类似项目通常6到10周完成，可以按里程碑分期交付。",
        "方案初稿已经准备好了，有几个细节想当面确认。",
        "We can start in two weeks; the first draft would be ready a month later.",
    ];

    private static readonly string[] ClientFollowUps =
    [
        "看了案例，风格很合适。下周找时间见面详谈吧。",
        "整体思路不错，报价能再细化一下吗？",
        "方案我们内部讨论过了，基本可以，合作协议我这边来发起。",
    ];

    private static readonly string[] OfferOpeners =
    [
        "您好，看到贵方的“{title}”，我们有一个项目可能用得上，想咨询一下报价和档期。",
        "您好，请问“{title}”可以按项目单独合作吗？大概需要多长时间？",
    ];

    private static readonly string[] OfferReplies =
    [
        "可以的，请把项目的大致需求发过来，我们两天内给出报价。",
        "您好，档期目前比较充裕，欢迎来我们园区面谈。",
    ];

    public static DemoConversationPlan Build(int seed, DemoCollaborationPlan collaboration, IReadOnlyDictionary<Party, DemoCollaborationPlan.Member> members,
        IReadOnlyDictionary<int, (string Zh, string En)> parkNames, DateTime now)
    {
        var random = new Random(unchecked(seed * 31 + 44));
        var conversations = new List<Conversation>();
        var messages = new List<ConversationMessage>();
        var needs = collaboration.Needs.ToDictionary(n => n.Id);
        var withThread = new HashSet<string>();

        foreach (var agreement in collaboration.Agreements)
        {
            var need = needs[agreement.NeedId];
            Thread(need, agreement.Partner, need.CreatedAt.AddHours(random.Next(2, 72)), agreement.ProposedAt, ended: true);
        }
        foreach (var need in collaboration.Needs.Where(n => n.Status is NeedStatus.Open or NeedStatus.InTalks))
        {
            var good = collaboration.GoodPartners[need.Id].OrderBy(p => p.Kind).ThenBy(p => p.Id).ToList();
            if (good.Count == 0 || random.NextDouble() >= 0.35) continue;
            for (var k = 0; k < Math.Min(good.Count, 1 + random.Next(2)); k++)
            {
                var started = need.CreatedAt.AddHours(random.Next(2, 240));
                if (started < now) Thread(need, good[random.Next(good.Count)], started, now, ended: false);
            }
        }
        var activeOffers = collaboration.Offers.Where(o => o.Active).ToList();
        var enterprises = members.Values.Where(m => m.Party.EnterpriseId is not null).ToList();
        for (var k = 0; k < 400; k++) OfferThread(activeOffers[random.Next(activeOffers.Count)], enterprises[random.Next(enterprises.Count)]);

        return new DemoConversationPlan { Conversations = conversations, Messages = messages };

        // A partner writes about a need; they talk; for an agreement, the client invites to meet before proposing.
        void Thread(Need need, Party partner, DateTime start, DateTime end, bool ended)
        {
            if (start >= end || !withThread.Add(Conversation.Topic(need.Id, null, partner))) return;
            var writer = members[partner];
            var conversation = Open(need.Id, null, partner, Party.Enterprise(need.EnterpriseId), need.Title, start);
            var at = start;
            var (starterPerson, otherPerson) = (Person(), Person());
            if (!Say(conversation, ConversationSides.Starter, starterPerson, Fill(Pick(Openers), writer.NameZh, need.Title), ref at, end))
            {
                conversations.RemoveAt(conversations.Count - 1); // no time left to write in: no thread
                return;
            }
            Say(conversation, ConversationSides.Other, otherPerson, Pick(ClientReplies), ref at, end);
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                Say(conversation, ConversationSides.Starter, starterPerson, Pick(Middles), ref at, end);
                if (random.NextDouble() < 0.6) Say(conversation, ConversationSides.Other, otherPerson, Pick(ClientFollowUps), ref at, end);
            }
            if (ended && random.NextDouble() < 0.5 && at.AddDays(2) < end)
            {
                var meetingAt = at.AddDays(2).Date.AddHours(2); // 10:00 in the zone
                Say(conversation, ConversationSides.Other, otherPerson, "约个时间在园区三维会客厅见面聊聊？", ref at, end, m =>
                {
                    var park = members[Party.Enterprise(need.EnterpriseId)].ParkId ?? 1;
                    (m.MeetingKind, m.MeetingStartsAt, m.MeetingEndsAt, m.MeetingParkId) = (MeetingKinds.ParkWorld, meetingAt, meetingAt.AddHours(1), park);
                    (m.MeetingPlaceZh, m.MeetingPlaceEn) = parkNames.GetValueOrDefault(park, ("", ""));
                });
            }
            Settle(conversation, now);
        }

        void OfferThread(Offer offer, DemoCollaborationPlan.Member client)
        {
            var owner = new Party(offer.EnterpriseId, offer.InstitutionId);
            if (owner == client.Party || !withThread.Add(Conversation.Topic(null, offer.Id, client.Party))) return;
            var start = offer.CreatedAt.AddDays(random.Next(1, 60));
            if (start >= now) return;
            var conversation = Open(null, offer.Id, client.Party, owner, offer.Title, start);
            var at = start;
            if (!Say(conversation, ConversationSides.Starter, Person(), Fill(Pick(OfferOpeners), client.NameZh, offer.Title), ref at, now))
            {
                conversations.RemoveAt(conversations.Count - 1);
                return;
            }
            if (random.NextDouble() < 0.7) Say(conversation, ConversationSides.Other, Person(), Pick(OfferReplies), ref at, now);
            Settle(conversation, now);
        }

        Conversation Open(int? needId, int? offerId, Party starter, Party other, string subject, DateTime at)
        {
            var conversation = new Conversation
            {
                Id = conversations.Count + 1, NeedId = needId, OfferId = offerId,
                StarterEnterpriseId = starter.EnterpriseId, StarterInstitutionId = starter.InstitutionId,
                OtherEnterpriseId = other.EnterpriseId, OtherInstitutionId = other.InstitutionId,
                TopicKey = Conversation.Topic(needId, offerId, starter), Subject = subject, StartedAt = at, LastMessageAt = at,
            };
            conversations.Add(conversation);
            return conversation;
        }

        // A message a while after the last one, unless that is past the end of the talks.
        bool Say(Conversation conversation, string side, string person, string body, ref DateTime at, DateTime end, Action<ConversationMessage>? meeting = null)
        {
            var next = at.AddMinutes(random.Next(20, 60 * 30));
            if (next >= end) return false;
            at = next;
            var message = new ConversationMessage
            {
                Id = messages.Count + 1, ConversationId = conversation.Id, Side = side, SenderName = person, Body = body, SentAt = at,
            };
            meeting?.Invoke(message);
            messages.Add(message);
            conversation.LastMessageId = message.Id;
            conversation.LastMessageAt = at;
            return true;
        }

        // Everything is read, except, in a thread active within the last two weeks, often the latest message. A thread's
        // messages are the last ones written.
        void Settle(Conversation conversation, DateTime today)
        {
            var last = messages[^1];
            (conversation.StarterReadTo, conversation.OtherReadTo) = (conversation.LastMessageId, conversation.LastMessageId);
            if (last.SentAt < today.AddDays(-14) || random.NextDouble() >= 0.5) return;
            var previous = messages.Count > 1 && messages[^2].ConversationId == conversation.Id ? messages[^2].Id : 0;
            if (last.Side == ConversationSides.Starter) (conversation.OtherReadTo, conversation.OtherUnread) = (previous, 1);
            else (conversation.StarterReadTo, conversation.StarterUnread) = (previous, 1);
        }

        string Person() => People[random.Next(People.Length)];

        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
    }

    private static string Fill(string template, string name, string title) =>
        template.Replace("{name}", name, StringComparison.Ordinal).Replace("{title}", title, StringComparison.Ordinal);

    public string Summary() => string.Create(CultureInfo.InvariantCulture, $"{Conversations.Count} conversations, {Messages.Count} messages");
}
