using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MkAuth;

/// <summary>One title (<c>sis_lanc</c> / <c>vtab_titulos</c> row): amounts and dates arrive as strings and are parsed here.</summary>
public sealed class MkAuthTitle
{
    /// <summary><c>uuid</c> / <c>uuid_lanc</c>: the key for <c>titulo/show</c> and <c>titulo/receber</c>.</summary>
    public required string Uuid { get; init; }

    /// <summary>The title number (<c>titulo</c> or <c>id</c>), used by the boleto page.</summary>
    public string? Number { get; init; }

    /// <summary>The login the title belongs to.</summary>
    public string? Login { get; init; }

    /// <summary><c>status</c> as sent: <c>aberto</c> (not yet due), <c>vencido</c> (overdue), <c>pago</c> ...</summary>
    public required string Status { get; init; }

    /// <summary><c>deltitulo = 1</c>: cancelled (never owed).</summary>
    public bool Deleted { get; init; }

    /// <summary><c>valor</c>.</summary>
    public required decimal Amount { get; init; }

    /// <summary><c>datavenc</c>.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary><c>cpf_cnpj</c> as stored on the row, when present.</summary>
    public string? DocumentText { get; init; }

    /// <summary><c>linhadig</c>, when a boleto is registered.</summary>
    public string? DigitableLine { get; init; }

    /// <summary><c>pix</c> (copia-e-cola), when the install has it for this title.</summary>
    public string? PixCopyPaste { get; init; }

    /// <summary><c>pix_link</c>, when the install exposes it.</summary>
    public string? PixLink { get; init; }

    /// <summary><c>pix_qr</c> (a <c>data:image/png;base64,...</c> URI), when the install exposes it.</summary>
    public string? PixQrImage { get; init; }

    /// <summary>Unpaid and not cancelled (<c>aberto</c> or <c>vencido</c>).</summary>
    public bool IsUnpaid => !Deleted && (string.Equals(Status, "aberto", StringComparison.OrdinalIgnoreCase) || string.Equals(Status, "vencido", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every column as text.</summary>
    public IReadOnlyDictionary<string, string?> Raw { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string?>.Empty;

    /// <inheritdoc />
    public override string ToString() => $"MkAuthTitle {Number ?? Uuid} {Status} {DueDate:yyyy-MM-dd}";
}
