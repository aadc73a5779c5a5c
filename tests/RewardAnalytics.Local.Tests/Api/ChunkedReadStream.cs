namespace RewardAnalytics.Local.Tests.Api;

/// <summary>
/// A read-only stream over fixed bytes that hands them out in the given chunk sizes (then one byte a read), as a socket
/// may: a reader must not assume a request arrives in one read.
/// </summary>
internal sealed class ChunkedReadStream(byte[] bytes, IReadOnlyList<int> chunks) : Stream
{
    private int _position;
    private int _reads;

    /// <summary>One byte a read.</summary>
    public ChunkedReadStream(byte[] bytes) : this(bytes, []) { }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var chunk = _reads < chunks.Count ? chunks[_reads] : 1;
        _reads++;
        var n = Math.Min(Math.Min(chunk, buffer.Length), bytes.Length - _position);
        bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
