namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// The upgraded connection as the WebSocket sees it: reads pass through a <see cref="ClientFrameHeaderGuard"/>.
/// When the guard trips, the WebSocket gets the bytes before the bad header, then (once the session's close
/// frame has gone out, so the client learns why) the end of the stream. Writes pass through untouched.
/// </summary>
internal sealed class GuardedWebSocketStream(Stream inner, WorldFrameGuardFeature feature) : Stream
{
    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (feature.Guard.TrippedBy is not null) return await EndAfterCloseAsync(cancellationToken);
        var read = await inner.ReadAsync(buffer, cancellationToken);
        var allowed = feature.Guard.Inspect(buffer.Span[..read]);
        if (allowed < read) feature.Trip();
        return allowed > 0 || read == 0 ? allowed : await EndAfterCloseAsync(cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    // Ending the stream makes the WebSocket abort the connection, which can discard a close frame not yet
    // on the wire. So the end comes only once the client has had the close frame: when it hangs up (its
    // answer is a sign it read ours) or the wait runs out. What it sends meanwhile is discarded.
    private async Task<int> EndAfterCloseAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(WorldFrameGuardFeature.CloseWait);
        try
        {
            await feature.CloseSent.WaitAsync(deadline.Token);
            var discard = new byte[512];
            while (await inner.ReadAsync(discard, deadline.Token) > 0) { }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The wait ran out or the connection is gone: end the stream either way.
        }
        return 0;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
