using Lingjing.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Events.Interaction;

internal sealed class EventQuestionConfiguration : IEntityTypeConfiguration<EventQuestion>
{
    public void Configure(EntityTypeBuilder<EventQuestion> question)
    {
        question.ToTable("event_questions");
        question.HasIndex(q => new { q.EventId, q.Upvotes });
        question.HasOne<Event>().WithMany().HasForeignKey(q => q.EventId);
        question.HasOne<EventSession>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.SetNull);
        question.HasOne<LingjingUser>().WithMany().HasForeignKey(q => q.UserId);
    }
}

internal sealed class EventQuestionVoteConfiguration : IEntityTypeConfiguration<EventQuestionVote>
{
    public void Configure(EntityTypeBuilder<EventQuestionVote> vote)
    {
        vote.ToTable("event_question_votes");
        vote.HasKey(v => new { v.QuestionId, v.UserId });
        vote.HasOne<EventQuestion>().WithMany().HasForeignKey(v => v.QuestionId);
        vote.HasOne<LingjingUser>().WithMany().HasForeignKey(v => v.UserId);
    }
}

internal sealed class EventPollConfiguration : IEntityTypeConfiguration<EventPoll>
{
    public void Configure(EntityTypeBuilder<EventPoll> poll)
    {
        poll.ToTable("event_polls");
        poll.HasIndex(p => p.EventId);
        poll.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId);
    }
}

internal sealed class EventPollVoteConfiguration : IEntityTypeConfiguration<EventPollVote>
{
    public void Configure(EntityTypeBuilder<EventPollVote> vote)
    {
        vote.ToTable("event_poll_votes");
        vote.HasKey(v => new { v.PollId, v.UserId });
        vote.HasOne<EventPoll>().WithMany().HasForeignKey(v => v.PollId);
        vote.HasOne<LingjingUser>().WithMany().HasForeignKey(v => v.UserId);
    }
}
