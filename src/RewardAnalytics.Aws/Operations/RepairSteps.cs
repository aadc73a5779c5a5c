using NodaTime;

namespace RewardAnalytics.Aws.Operations;

/// <summary>The repair steps of a production run: nothing happens between them but what the stream does on its own.</summary>
internal sealed class RepairSteps : IRepairSteps
{
    /// <summary>The steps with nothing in between.</summary>
    public static IRepairSteps None { get; } = new RepairSteps();

    private RepairSteps() { }

    public Task ScannedAsync(int scan, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CorrectingAsync(LocalDate day, CancellationToken cancellationToken) => Task.CompletedTask;
}
