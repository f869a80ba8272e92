using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Connectors.MikroTik.Tests;

internal static class Routers
{
    public const string Password = "p4ss";

    public static Task<RouterOsEmulator> StartAsync(Version? version = null, bool fatalOnBadLogin = false) =>
        RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions
        {
            Password = Password,
            Version = version ?? new Version(7, 18),
            FatalOnBadLogin = fatalOnBadLogin,
            LoginChallenge = "856780b7411eefd3abadee2058c149a3",
        });

    public static RouterOsClientOptions Options(RouterOsEmulator router, string password = Password) => new()
    {
        Host = router.Host,
        Port = router.Port,
        User = "admin",
        Password = password,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReceiveTimeout = TimeSpan.FromSeconds(10),
        ConnectRetries = 0,
    };

    public static MikroTikAccessControllerOptions Controller(RouterOsEmulator router, MikroTikAccessStrategy strategy,
        Action<MikroTikAccessControllerOptions>? configure = null)
    {
        var o = new MikroTikAccessControllerOptions
        {
            Host = router.Host,
            Port = router.Port,
            User = "admin",
            Password = Password,
            Strategy = strategy,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ReceiveTimeout = TimeSpan.FromSeconds(10),
            ConnectRetries = 1,
        };
        configure?.Invoke(o);
        return o;
    }

    public static Dictionary<string, string> Row(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);
}
