namespace RewardAnalytics.Local.Demo;

/// <summary>Builds the daily finalizer the demo runs (the real function's entry point), or null while there is none.</summary>
public static class DemoFinalizer
{
    public static IDayFinalizer? Create(DemoEnvironment environment) => null;
}
