namespace RewardAnalytics.Core;

/// <summary>UTF-8 input as people save it: AWS's own sample events and files from Windows editors begin with a byte-order mark.</summary>
public static class Utf8Text
{
    /// <summary><paramref name="text"/> without a leading UTF-8 byte-order mark (EF BB BF), if it has one.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> text) =>
        text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? text[3..] : text;
}
