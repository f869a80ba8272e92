using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>
/// Binds <see cref="MkAuthClientOptions"/> from configuration by hand: the credential object (a rotation handle, not a
/// setting) must stay out of binding, and the binding source generator cannot skip a settable property.
/// Unparsable values are left as they were; <see cref="MkAuthClientOptions.Validate"/> reports what is then missing.
/// </summary>
internal static class MkAuthOptionsBinder
{
    public static void Bind(IConfigurationSection section, MkAuthClientOptions options)
    {
        if (section["BaseAddress"] is { } address)
            options.BaseAddress = Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : new Uri("invalid:" + Uri.EscapeDataString(address));
        if (section["ClientId"] is { } id) options.ClientId = id;
        if (section["ClientSecret"] is { } secret) options.ClientSecret = secret;
        if (section["TimeZone"] is { } zone) options.TimeZone = zone;
        if (section["BoletoPagePath"] is { } page) options.BoletoPagePath = page;
        if (int.TryParse(section["PageSize"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)) options.PageSize = size;
        if (int.TryParse(section["TrustUnlockDays"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days)) options.TrustUnlockDays = days;
        if (TimeSpan.TryParse(section["TokenRefreshMargin"], CultureInfo.InvariantCulture, out var margin)) options.TokenRefreshMargin = margin;
        if (TimeSpan.TryParse(section["TrustUnlockMinimumInterval"], CultureInfo.InvariantCulture, out var interval)) options.TrustUnlockMinimumInterval = interval;
        var pins = section.GetSection("PinnedCertificateThumbprints");
        foreach (var pin in pins.GetChildren().Select(c => c.Value).OfType<string>())
        {
            if (!options.PinnedCertificateThumbprints.Contains(pin)) options.PinnedCertificateThumbprints.Add(pin);
        }
        if (pins.Value is { Length: > 0 } single && !options.PinnedCertificateThumbprints.Contains(single)) options.PinnedCertificateThumbprints.Add(single);
        section.GetSection("Resilience").Bind(options.Resilience);
    }
}
