namespace Lingjing.Record;

/// <summary>
/// One entry of the decision record as it is hashed, signed and exported: its place in the chain (<paramref name="Seq"/>,
/// from 1 without gaps), when and by whom the decision was made, what it was (<paramref name="Kind"/>, e.g.
/// <c>application.approved</c>, about <paramref name="Subject"/>, e.g. <c>application:42</c>, with its facts in
/// <paramref name="Body"/> as JSON), the hash of the entry before it, its own hash and the server's signature of it.
/// </summary>
public sealed record RecordEntryLine(
    long Seq, DateTimeOffset RecordedAt, string Kind, string Subject, string Actor, string Body,
    string PreviousHash, string Hash, string Signature);
