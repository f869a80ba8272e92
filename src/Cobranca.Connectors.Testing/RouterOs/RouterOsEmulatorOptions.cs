namespace Cobranca.Connectors.Testing.RouterOs;

/// <summary>Start-up settings of a <see cref="RouterOsEmulator"/>.</summary>
public sealed class RouterOsEmulatorOptions
{
    /// <summary>The API user name accepted by the emulator. Default <c>admin</c>.</summary>
    public string User { get; set; } = "admin";

    /// <summary>The password of <see cref="User"/>. Default empty (like a fresh router).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>
    /// The RouterOS version to imitate. 7.18 and later answer an empty print with <c>!empty</c> before <c>!done</c>;
    /// before 6.43 only the MD5 challenge login exists (a plain login gets the challenge back). Default 7.18.
    /// </summary>
    public Version Version { get; set; } = new(7, 18);

    /// <summary>Fixed hex challenge for the legacy login (deterministic tests); random 16 bytes when <see langword="null"/>.</summary>
    public string? LoginChallenge { get; set; }

    /// <summary>
    /// When true, a wrong user or password gets <c>!fatal</c> and the connection is closed; when false (default) the
    /// router answers <c>!trap =message=invalid user name or password (6)</c> then <c>!done</c>.
    /// </summary>
    public bool FatalOnBadLogin { get; set; }

    /// <summary>
    /// When true, text seeded through <see cref="RouterOsEmulatorTable.Add(IReadOnlyDictionary{string, string})"/> is stored
    /// as ISO-8859-1 bytes (the Windows-1252 letters Winbox writes for Portuguese), so a comment like "João" is stored and
    /// sent as <c>4a 6f e3 6f</c>. What API clients write is stored as the bytes they send. Default false (UTF-8).
    /// </summary>
    public bool Windows1252Replies { get; set; }

    /// <summary>Name returned by <c>/system/identity/print</c>. Default <c>emulator</c>.</summary>
    public string Identity { get; set; } = "emulator";
}
