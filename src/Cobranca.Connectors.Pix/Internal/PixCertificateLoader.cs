using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// Loads the mTLS client certificate from the options (an <see cref="X509Certificate2"/>, PFX bytes or a PFX file)
/// through the shared <see cref="ClientCertificateLoader"/> of Cobranca.Connectors.Http (also used by the boleto
/// providers). Never imports into a machine or user store and never persists the key.
/// </summary>
internal static class PixCertificateLoader
{
    public static X509Certificate2? Load(PixClientOptions options) =>
        ClientCertificateLoader.Load(options.Certificate, options.CertificatePfx, options.CertificatePath, options.CertificatePassword,
            options.ProviderName, nameof(options));
}
