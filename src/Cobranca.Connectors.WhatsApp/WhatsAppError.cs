namespace Cobranca.Connectors.WhatsApp;

/// <summary>An error object from a status or an <c>errors</c> webhook (<c>code</c>, <c>title</c>, <c>message</c>, <c>error_data.details</c>).</summary>
/// <param name="Code">The error code (see <see cref="WhatsAppErrorCodes"/>).</param>
/// <param name="Title">The title.</param>
/// <param name="Message">The message.</param>
/// <param name="Details">The details (<c>error_data.details</c>).</param>
public sealed record WhatsAppError(int Code, string? Title, string? Message, string? Details)
{
    /// <summary>The code's class (see <see cref="WhatsAppErrorCodes.Classify"/>).</summary>
    public WhatsAppErrorClass Class => WhatsAppErrorCodes.Classify(Code);
}
