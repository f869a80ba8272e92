namespace Cobranca.Connectors.Testing.WhatsApp;

/// <summary>A template in the <see cref="WhatsAppCloudSandbox"/>'s catalogue (what the WABA has approved).</summary>
public sealed class WhatsAppSandboxTemplate
{
    /// <summary>The template name.</summary>
    public required string Name { get; init; }

    /// <summary>The language. Default <c>pt_BR</c>.</summary>
    public string Language { get; init; } = "pt_BR";

    /// <summary>The category (<c>UTILITY</c>, <c>MARKETING</c>, <c>AUTHENTICATION</c>). Default <c>UTILITY</c>.</summary>
    public string Category { get; init; } = "UTILITY";

    /// <summary><c>APPROVED</c>, <c>PAUSED</c> (132015), <c>DISABLED</c> (132016) or <c>PENDING</c>/<c>REJECTED</c> (132001). Default <c>APPROVED</c>.</summary>
    public string Status { get; init; } = "APPROVED";

    /// <summary>The header format: null (no header or a static one), <c>TEXT</c> (one parameter), <c>IMAGE</c> or <c>DOCUMENT</c>.</summary>
    public string? HeaderFormat { get; init; }

    /// <summary>How many body parameters (<c>{{1}}</c> ...) the body has.</summary>
    public int BodyParameterCount { get; init; }

    /// <summary>The names of the body parameters for a template created with named parameters; null for positional.</summary>
    public IReadOnlyList<string>? BodyParameterNames { get; init; }

    /// <summary>How many quick-reply buttons the template has (their payloads are optional parameters).</summary>
    public int QuickReplyButtons { get; init; }
}
