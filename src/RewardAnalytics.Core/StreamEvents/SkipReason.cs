namespace RewardAnalytics.Core.StreamEvents;

/// <summary>Why a stream record changed no total. Logged and counted; never blocks the shard.</summary>
public enum SkipReason
{
    None = 0,
    MissingNewImage,
    MissingOldImage,
    UnknownEventName,
    DuplicateAttribute,
    TypeMissing,
    TypeNotString,
    TypeUnknown,
    AmountMissing,
    AmountNotNumber,
    AmountInvalid,
    AmountNegative,
    AmountOutOfRange,
    AmountTooPrecise,
    CreatedAtMissing,
    CreatedAtWrongType,
    CreatedAtInvalid,
    CreatedAtOutOfRange,
}
