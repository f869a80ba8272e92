using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cobranca.Connectors.Http;

/// <summary>
/// Loads an mTLS client certificate (shared by the Pix and boleto clients): an <see cref="X509Certificate2"/> given by
/// the application, PFX bytes or a PFX file, with <see cref="X509CertificateLoader"/>. Never imports into a machine or
/// user store and never persists the key.
/// </summary>
internal static class ClientCertificateLoader
{
    /// <summary>The certificate, or null when none is configured.</summary>
    /// <exception cref="ArgumentException">Unreadable PFX or a certificate without private key (message names <paramref name="providerName"/>, never the password).</exception>
    public static X509Certificate2? Load(X509Certificate2? given, byte[]? pfx, string? path, string? password, string providerName, string parameterName)
    {
        if (given is not null) return RequirePrivateKey(given, providerName, parameterName);
        try
        {
            X509Certificate2? cert = null;
            if (pfx is not null)
                cert = X509CertificateLoader.LoadPkcs12(pfx, password, KeyFlags);
            else if (path is not null)
                cert = X509CertificateLoader.LoadPkcs12FromFile(path, password, KeyFlags);
            return cert is null ? null : RequirePrivateKey(cert, providerName, parameterName);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException(
                $"{providerName}: the client certificate could not be loaded (wrong password or not a PKCS#12 file).", parameterName, ex);
        }
    }

    // EphemeralKeySet keeps the key in memory only; Windows' TLS stack cannot use ephemeral keys, so it gets the
    // default (per-user, deleted when the certificate is disposed) set instead. Never MachineKeySet/PersistKeySet.
    private static X509KeyStorageFlags KeyFlags =>
        OperatingSystem.IsWindows() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;

    private static X509Certificate2 RequirePrivateKey(X509Certificate2 cert, string providerName, string parameterName)
    {
        if (cert.HasPrivateKey) return cert;
        throw new ArgumentException($"{providerName}: the client certificate has no private key; mTLS needs it.", parameterName);
    }
}
