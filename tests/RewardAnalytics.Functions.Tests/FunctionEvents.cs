namespace RewardAnalytics.Functions.Tests;

internal static class FunctionEvents
{
    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string ReadAll(Stream response)
    {
        using var reader = new StreamReader(response);
        return reader.ReadToEnd();
    }
}
