using System.Globalization;
using System.Text;

namespace RewardAnalytics.Reliability.IntegrationTests.Schedules;

/// <summary>What one step of a generated workload does to the rewards table (or to the stream's delivery).</summary>
public enum StepKind
{
    /// <summary>PutItem of a whole reward: an INSERT, or a MODIFY that may move its amount, type and day at once.</summary>
    Put,

    /// <summary>UpdateItem SET of some of amount, type and createdAt (on a missing item it creates a partial one).</summary>
    Update,

    /// <summary>DeleteItem by the platform: a REMOVE that takes the reward off its day.</summary>
    Delete,

    /// <summary>DynamoDB's TTL process deleting the item: a REMOVE that changes no total.</summary>
    Expire,

    /// <summary>PutItem of a reward the aggregator cannot read (one of the workload's malformed shapes).</summary>
    PutMalformed,

    /// <summary>The event source mapping polls: everything written so far is delivered, with the clock at <see cref="WorkloadStep.Lag"/> seconds after the last write.</summary>
    Drain,
}

/// <summary>Which attributes an <see cref="StepKind.Update"/> sets.</summary>
[Flags]
public enum UpdatedFields
{
    Amount = 1,
    Type = 2,
    CreatedAt = 4,
}

/// <summary>
/// One generated step. <see cref="Gap"/> is the seconds since the previous write (the stream's
/// ApproximateCreationDateTime advances by it, which places records in tumbling windows); <see cref="Day"/> and
/// <see cref="Minute"/> place createdAt (UTC, from 12:00 the day before day 0, so every zone has rewards either
/// side of its midnight); <see cref="Format"/> writes it as ISO UTC, ISO with the zone's offset, or epoch seconds.
/// </summary>
public sealed record WorkloadStep(
    StepKind Kind, int Reward, bool Redeemed, int Cents, int Day, int Minute, int Format, UpdatedFields Fields, int Shape, int Gap, int Lag)
{
    public string RewardId => "r" + Reward.ToString(CultureInfo.InvariantCulture);

    public decimal Amount => Cents / 100m;

    public string Type => Redeemed ? "REDEEMED" : "ISSUED";

    public override string ToString() => Describe(NodaTime.DateTimeZone.Utc);

    /// <summary>The step as a line of a scenario, createdAt written as the aggregator will read it.</summary>
    public string Describe(NodaTime.DateTimeZone zone)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"+{Gap}s ");
        switch (Kind)
        {
            case StepKind.Put:
                text.Append(CultureInfo.InvariantCulture, $"put {RewardId} {Type} {Amount:0.00} createdAt {ScheduleCase.CreatedAtText(this, zone)}");
                break;
            case StepKind.Update:
                var sets = new List<string>();
                if (Fields.HasFlag(UpdatedFields.Amount))
                {
                    sets.Add(string.Create(CultureInfo.InvariantCulture, $"amount={Amount:0.00}"));
                }

                if (Fields.HasFlag(UpdatedFields.Type))
                {
                    sets.Add("type=" + Type);
                }

                if (Fields.HasFlag(UpdatedFields.CreatedAt))
                {
                    sets.Add("createdAt=" + ScheduleCase.CreatedAtText(this, zone));
                }

                text.Append(CultureInfo.InvariantCulture, $"update {RewardId} SET {string.Join(", ", sets)}");
                break;
            case StepKind.Delete:
                text.Append(CultureInfo.InvariantCulture, $"delete {RewardId}");
                break;
            case StepKind.Expire:
                text.Append(CultureInfo.InvariantCulture, $"TTL-expire {RewardId}");
                break;
            case StepKind.PutMalformed:
                text.Append(CultureInfo.InvariantCulture, $"put malformed {RewardId} ({Local.Workload.MalformedRewards.ReasonOf(Shape)})");
                break;
            case StepKind.Drain:
                text.Clear().Append(CultureInfo.InvariantCulture, $"drain the stream, clock {Lag}s after the last write");
                break;
        }

        return text.ToString();
    }
}
