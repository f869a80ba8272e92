using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>
/// Loads the mTLS client certificate from the options: an <see cref="X509Certificate2"/>, PFX bytes or a PFX file,
/// with <see cref="X509CertificateLoader"/>. Never imports into a machine or user store and never persists the key.
/// </summary>
internal static class PixCertificateLoader
{
    public static X509Certificate2? Load(PixClientOptions options)
    {
        if (options.Certificate is { } given) return RequirePrivateKey(given, options);
        try
        {
            X509Certificate2? cert = null;
            if (options.CertificatePfx is { } bytes)
                cert = X509CertificateLoader.LoadPkcs12(bytes, options.CertificatePassword, KeyFlags);
            else if (options.CertificatePath is { } path)
                cert = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, KeyFlags);
            return cert is null ? null : RequirePrivateKey(cert, options);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException(
                $"{options.ProviderName}: the client certificate could not be loaded (wrong password or not a PKCS#12 file).", nameof(options), ex);
        }
    }

    // EphemeralKeySet keeps the key in memory only; Windows' TLS stack cannot use ephemeral keys, so it gets the
    // default (per-user, deleted when the certificate is disposed) set instead. Never MachineKeySet/PersistKeySet.
    private static X509KeyStorageFlags KeyFlags =>
        OperatingSystem.IsWindows() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;

    private static X509Certificate2 RequirePrivateKey(X509Certificate2 cert, PixClientOptions options) =>
        cert.HasPrivateKey
            ? cert
            : throw new ArgumentException($"{options.ProviderName}: the client certificate has no private key; mTLS needs it.", nameof(options));
}
