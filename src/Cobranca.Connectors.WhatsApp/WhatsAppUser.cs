namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// A WhatsApp user: by phone (<see cref="WaId"/>, digits with the country code, as WhatsApp knows it) and/or by
/// business-scoped user id (<see cref="UserId"/>, <c>BR.1502576394655843</c>: users with a username may arrive with no
/// phone at all). <see cref="ToString"/> is masked (personal data).
/// </summary>
public sealed class WhatsAppUser : IEquatable<WhatsAppUser>
{
    private WhatsAppUser(string? waId, string? userId)
    {
        WaId = waId;
        UserId = userId;
    }

    /// <summary>The WhatsApp id (phone digits with the country code, <c>5511987654321</c>; may lack a Brazilian ninth digit), or null.</summary>
    public string? WaId { get; }

    /// <summary>The business-scoped user id (BSUID), or null.</summary>
    public string? UserId { get; }

    /// <summary>The identity used for state keys: the wa_id when known, else the BSUID.</summary>
    public string Key => WaId ?? UserId!;

    /// <summary>A user by phone number as typed or stored (<c>(11) 98765-4321</c>, <c>+55 11 98765-4321</c>): normalised with <see cref="WhatsAppPhone.Normalize"/>.</summary>
    /// <param name="phone">The phone.</param>
    /// <exception cref="FormatException">Not a phone number (the message never echoes it).</exception>
    public static WhatsAppUser FromPhone(string phone) => new(WhatsAppPhone.Normalize(phone), null);

    /// <summary>A user by the <c>wa_id</c> WhatsApp reported (kept as is: digits only).</summary>
    /// <param name="waId">The wa_id.</param>
    /// <exception cref="FormatException">Not digits.</exception>
    public static WhatsAppUser FromWaId(string waId)
    {
        ArgumentNullException.ThrowIfNull(waId);
        var s = waId.Trim().TrimStart('+');
        if (s.Length is < 8 or > 15 || !s.All(char.IsAsciiDigit)) throw new FormatException("A wa_id is 8 to 15 digits.");
        return new WhatsAppUser(s, null);
    }

    /// <summary>A user by business-scoped user id (<c>CC.&lt;alphanumerics&gt;</c>), for users whose phone is withheld.</summary>
    /// <param name="userId">The BSUID.</param>
    /// <exception cref="FormatException">Not a BSUID.</exception>
    public static WhatsAppUser FromUserId(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var s = userId.Trim();
        if (!IsBusinessScopedUserId(s)) throw new FormatException("A business-scoped user id looks like CC.<up to 128 letters and digits>.");
        return new WhatsAppUser(null, s);
    }

    /// <summary>A user known by both (an inbound message carrying <c>wa_id</c> and <c>user_id</c>).</summary>
    /// <param name="waId">The wa_id, or null.</param>
    /// <param name="userId">The BSUID, or null.</param>
    /// <exception cref="ArgumentException">Both null.</exception>
    public static WhatsAppUser From(string? waId, string? userId)
    {
        if (string.IsNullOrWhiteSpace(waId) && string.IsNullOrWhiteSpace(userId)) throw new ArgumentException("A WhatsApp user needs a wa_id or a user id.");
        var w = string.IsNullOrWhiteSpace(waId) ? null : FromWaId(waId).WaId;
        var u = string.IsNullOrWhiteSpace(userId) ? null : FromUserId(userId).UserId;
        return new WhatsAppUser(w, u);
    }

    /// <summary>True for a business-scoped user id shape (<c>BR.1502576394655843</c>, <c>US.ENT.…</c>).</summary>
    /// <param name="value">The text.</param>
    public static bool IsBusinessScopedUserId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < 4 || value.Length > 140) return false;
        if (!char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]) || value[2] != '.') return false;
        var rest = value.AsSpan(3);
        foreach (var c in rest) if (!char.IsAsciiLetterOrDigit(c) && c != '.') return false;
        return rest.Length > 0 && rest[^1] != '.';
    }

    /// <summary>
    /// True when <paramref name="other"/> is the same person: same BSUID, or wa_ids equal up to the Brazilian ninth
    /// digit (<see cref="WhatsAppPhone.Matches"/>).
    /// </summary>
    /// <param name="other">The other user.</param>
    public bool Matches(WhatsAppUser? other)
    {
        if (other is null) return false;
        if (UserId is not null && other.UserId is not null && string.Equals(UserId, other.UserId, StringComparison.Ordinal)) return true;
        return WaId is not null && other.WaId is not null && WhatsAppPhone.Matches(WaId, other.WaId);
    }

    /// <inheritdoc />
    public bool Equals(WhatsAppUser? other) =>
        other is not null && string.Equals(WaId, other.WaId, StringComparison.Ordinal) && string.Equals(UserId, other.UserId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WhatsAppUser);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(WaId, UserId);

    /// <summary>Masked: <c>55 11 *****-4321</c> or <c>BR.***</c>.</summary>
    public override string ToString() => WaId is not null ? WhatsAppPhone.Mask(WaId) : UserId![..3] + "***";
}
