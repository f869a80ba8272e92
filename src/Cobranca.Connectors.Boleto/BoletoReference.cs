using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cobranca.Connectors.Boleto;

/// <summary>
/// The deterministic client reference of an invoice's boleto: the same invoice always gets the same reference, so a
/// create that timed out can be found again at the bank before anything is sent twice.
/// </summary>
/// <remarks>
/// <para>Rule (10 digits, fits every bank's field: Inter seuNumero ≤ 15, Sicoob seuNumero, BB's 10-digit sequence of
/// numeroTituloCliente, Efí custom_id):</para>
/// <list type="bullet">
/// <item>an invoice id of 1–10 digits → those digits, left-padded with zeros to 10 (IXC/SGP/MK-Auth ids are numeric);</item>
/// <item>anything else → the first 8 bytes of SHA-256 over the UTF-8 id, as an unsigned number modulo 10¹⁰, padded to 10.</item>
/// </list>
/// <para>A hashed reference can collide (≈ 1 in 10¹⁰ per pair): the registrar records reference → invoice and refuses
/// a second invoice on the same reference with a typed error instead of mixing them up. Re-issuing a boleto for the
/// same invoice (after a cancellation) needs a new reference: pass <c>attempt</c> ≥ 1.</para>
/// </remarks>
public static class BoletoReference
{
    /// <summary>Reference length.</summary>
    public const int Length = 10;

    /// <summary>The reference of <paramref name="invoiceId"/>'s boleto.</summary>
    /// <param name="invoiceId">The billing system's invoice id.</param>
    /// <param name="attempt">0 for the first boleto of the invoice; 1, 2… for re-issues after a cancellation.</param>
    /// <exception cref="ArgumentException">Blank invoice id.</exception>
    public static string ForInvoice(string invoiceId, int attempt = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceId);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var id = invoiceId.Trim();
        if (attempt == 0 && id.Length <= Length && id.All(char.IsAsciiDigit)) return id.PadLeft(Length, '0');
        var source = attempt == 0 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}#{attempt}");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(source), hash);
        var number = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) % 10_000_000_000UL;
        return number.ToString("D10", CultureInfo.InvariantCulture);
    }

    /// <summary>True for 1–10 ASCII digits.</summary>
    /// <param name="reference">The text.</param>
    public static bool IsValid(string? reference) =>
        reference is { Length: > 0 and <= Length } && reference.All(char.IsAsciiDigit);
}
