using System.Buffers;

namespace RewardAnalytics.Functions;

/// <summary>An invocation's request body read into a pooled buffer, so reading it allocates nothing per record.</summary>
public sealed class PooledPayload : IDisposable
{
    private byte[] _buffer;

    private PooledPayload(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Number of bytes of the body; the rented buffer behind <see cref="Memory"/> may be longer.</summary>
    public int Length { get; }

    /// <summary>The body's bytes; valid only until <see cref="Dispose"/> returns the buffer to the pool.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>Reads the whole of <paramref name="input"/> into a buffer rented from the shared pool, growing it as needed.</summary>
    public static async Task<PooledPayload> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        var size = input.CanSeek ? (int)Math.Max(4096, input.Length - input.Position + 1) : 64 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }

            return new PooledPayload(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Returns the buffer to the pool; safe to call more than once.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
