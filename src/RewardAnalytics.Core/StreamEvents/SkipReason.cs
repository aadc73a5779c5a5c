namespace RewardAnalytics.Core.StreamEvents;

/// <summary>Why a stream record changed no total. Logged and counted; never blocks the shard.</summary>
public enum SkipReason
{
    /// <summary>Not skipped: the record counts.</summary>
    None = 0,
    /// <summary>An INSERT or MODIFY without NewImage (the stream must carry NEW_AND_OLD_IMAGES).</summary>
    MissingNewImage,
    /// <summary>A MODIFY or REMOVE without OldImage (the stream must carry NEW_AND_OLD_IMAGES).</summary>
    MissingOldImage,
    /// <summary>An <c>eventName</c> other than INSERT, MODIFY or REMOVE.</summary>
    UnknownEventName,
    /// <summary>An image names one of the reward's attributes twice.</summary>
    DuplicateAttribute,
    /// <summary>The image has no type attribute.</summary>
    TypeMissing,
    /// <summary>The type attribute is not a string.</summary>
    TypeNotString,
    /// <summary>The type is neither ISSUED nor REDEEMED (case-insensitive).</summary>
    TypeUnknown,
    /// <summary>The image has no amount attribute.</summary>
    AmountMissing,
    /// <summary>The amount attribute is not a number.</summary>
    AmountNotNumber,
    /// <summary>The amount is not a well-formed number.</summary>
    AmountInvalid,
    /// <summary>The amount is below zero.</summary>
    AmountNegative,
    /// <summary>The amount is not below <see cref="AmountBounds.AmountLimit"/> (10^12), the bound that keeps every day's sum exact.</summary>
    AmountOutOfRange,
    /// <summary>The amount has more than <see cref="AmountBounds.MaxScale"/> decimal places (or more digits than a <see cref="decimal"/> holds).</summary>
    AmountTooPrecise,
    /// <summary>The image has no creation time attribute.</summary>
    CreatedAtMissing,
    /// <summary>The creation time is neither a string nor a number.</summary>
    CreatedAtWrongType,
    /// <summary>The creation time is neither ISO-8601 text nor epoch digits.</summary>
    CreatedAtInvalid,
    /// <summary>The creation time lies outside [<see cref="CreatedAt.Earliest"/>, <see cref="CreatedAt.Latest"/>).</summary>
    CreatedAtOutOfRange,
    /// <summary>
    /// The record's structure cannot be read (not an object, a non-object <c>dynamodb</c> or image, a property twice, no
    /// readable sequence number): skipped alone, so one bad record never blocks its shard.
    /// </summary>
    RecordMalformed,
}
