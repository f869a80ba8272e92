using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Pix;

/// <summary>Who paid (<c>pagador</c>), when the PSP tells. Personal data: use <see cref="Masked"/> for display.</summary>
public sealed class PixPayer
{
    /// <summary>CPF or CNPJ, when sent and valid.</summary>
    public Document? Document { get; init; }

    /// <summary>Name, when sent.</summary>
    public string? Name { get; init; }

    /// <summary>Masked form for logs and UIs: masked document plus the first name only.</summary>
    public string Masked
    {
        get
        {
            var first = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim().Split(' ')[0];
            var doc = Document?.Mask();
            return (doc, first) switch
            {
                (null, null) => SensitiveData.Placeholder,
                (null, _) => first!,
                (_, null) => doc,
                _ => $"{first} ({doc})",
            };
        }
    }

    /// <inheritdoc />
    public override string ToString() => Masked;
}
