namespace Cobranca.Connectors.Sgp;

/// <summary>How the client authenticates to SGP's URA API.</summary>
public enum SgpAuthentication
{
    /// <summary>
    /// An integration token and the name of its application (<c>token</c> + <c>app</c> in the form body): the
    /// recommended mode. The app name is case-sensitive and sent verbatim.
    /// </summary>
    TokenAndApp,

    /// <summary>HTTP Basic with an SGP system user and its password.</summary>
    Basic,
}
